/** A form's text fields, trimmed; absent ones are empty. */
export function readFields<F extends string>(form: FormData, fields: readonly F[]): Record<F, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const entry = form.get(field);
      return [field, typeof entry === "string" ? entry.trim() : ""];
    }),
  ) as Record<F, string>;
}

export type FieldProblem = "required" | "invalid";

/**
 * The API's invalid input paths as problems of the form's fields (`address.postalCode` is the
 * form's `postalCode` with prefix `address.`): an empty field is missing, anything else is wrong.
 */
export function fieldProblems<F extends string>(invalidPaths: readonly string[], values: Record<F, string>, prefix = ""): Partial<Record<F, FieldProblem>> {
  const problems: Partial<Record<F, FieldProblem>> = {};
  for (const path of invalidPaths) {
    const field = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    if (Object.hasOwn(values, field)) problems[field as F] = values[field as F] ? "invalid" : "required";
  }
  return problems;
}

/** Passwords are taken as typed: a space is as much a character as any other. */
export function readPassword(form: FormData, name: string): string {
  const entry = form.get(name);
  return typeof entry === "string" ? entry : "";
}

import { parseMinorUnits } from "@primestore/i18n";

export const productFields = ["title", "slug", "sku", "price", "stock"] as const;
export type ProductField = (typeof productFields)[number];
export type ProductValues = Record<ProductField, string>;
export type FieldProblem = "required" | "invalid";
export type FieldProblems = Partial<Record<ProductField, FieldProblem>>;

export function readProductForm(form: FormData): ProductValues {
  const value = (field: ProductField) => {
    const entry = form.get(field);
    return typeof entry === "string" ? entry.trim() : "";
  };
  return Object.fromEntries(productFields.map((field) => [field, value(field)])) as ProductValues;
}

function problem(value: string): FieldProblem {
  return value ? "invalid" : "required";
}

/** Form strings -> the API's input. What can't even be converted is reported per field instead. */
export function toCreateProductInput(values: ProductValues, currency: string) {
  const problems: FieldProblems = {};
  const price = parseMinorUnits(values.price, currency);
  if (price === null || price > BigInt(Number.MAX_SAFE_INTEGER)) problems.price = problem(values.price);
  const stock = /^\d{1,9}$/.test(values.stock) ? Number(values.stock) : null;
  if (stock === null) problems.stock = problem(values.stock);
  if (price === null || stock === null || Object.keys(problems).length) return { ok: false as const, problems };
  return {
    ok: true as const,
    input: {
      title: values.title,
      slug: values.slug,
      sku: values.sku,
      // Exact: a safe integer of minor units, checked above.
      prices: { [currency]: Number(price) },
      stock,
    },
  };
}

/** The API's invalid input paths, as form fields (`prices.BRL` is the price field). */
export function apiProblems(invalidPaths: string[], values: ProductValues): FieldProblems {
  const problems: FieldProblems = {};
  for (const path of invalidPaths) {
    const field = path.startsWith("prices") ? "price" : path;
    if ((productFields as readonly string[]).includes(field)) problems[field as ProductField] = problem(values[field as ProductField]);
  }
  return problems;
}

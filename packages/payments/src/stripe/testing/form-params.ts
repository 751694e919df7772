import { invalidRequest } from "./fake-stripe-error.ts";

/** A decoded Stripe form body or query: nested objects and arrays of strings, as the SDK encoded them. */
export type FormParams = { [key: string]: FormValue };
export type FormValue = string | FormValue[] | FormParams;

/**
 * Decodes the SDK's qs-style encoding (`metadata[tenantId]=t1`, `expand[0]=latest_charge`) back
 * into the nested shape it came from, so the fake and the tests read parameters like Stripe does.
 */
export function parseFormParams(encoded: string): FormParams {
  const root: FormParams = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const [head, ...rest] = key.split("[");
    const path = [head ?? "", ...rest.map((segment) => segment.replace(/]$/, ""))];
    assign(root, path, value);
  }
  return root;
}

function assign(target: FormParams | FormValue[], path: string[], value: string): void {
  const [segment, ...rest] = path;
  if (segment === undefined) return;
  const slot = Array.isArray(target) ? Number(segment) : segment;
  const container = target as Record<string | number, FormValue>;
  if (rest.length === 0) {
    container[slot] = value;
    return;
  }
  // Numbered segments are array indices in the SDK's encoding; anything else is an object key.
  container[slot] ??= /^\d+$/.test(rest[0] ?? "") ? [] : {};
  const next = container[slot];
  if (typeof next !== "string") assign(next, rest, value);
}

export function stringParam(params: FormParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${name}`, { param: name });
  return value;
}

export function requiredStringParam(params: FormParams, name: string): string {
  const value = stringParam(params, name);
  if (!value) throw invalidRequest(`Missing required param: ${name}.`, { param: name });
  return value;
}

/** Stripe amounts: positive integers in minor units. */
export function amountParam(params: FormParams, name: string): number | undefined {
  const value = stringParam(params, name);
  if (value === undefined) return undefined;
  const amount = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(amount) || amount <= 0) throw invalidRequest(`Invalid positive integer: ${name}`, { param: name });
  return amount;
}

export function requiredAmountParam(params: FormParams, name: string): number {
  const amount = amountParam(params, name);
  if (amount === undefined) throw invalidRequest(`Missing required param: ${name}.`, { param: name });
  return amount;
}

export function booleanParam(params: FormParams, name: string): boolean {
  return stringParam(params, name) === "true";
}

export function objectParam(params: FormParams, name: string): FormParams {
  const value = params[name];
  if (value === undefined) return {};
  if (typeof value === "string" || Array.isArray(value)) throw invalidRequest(`Invalid object: ${name}`, { param: name });
  return value;
}

export function metadataParam(params: FormParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(objectParam(params, "metadata"))) {
    if (typeof value !== "string") throw invalidRequest("Metadata values must be strings", { param: `metadata[${key}]` });
    metadata[key] = value;
  }
  return metadata;
}

export function expandParam(params: FormParams): string[] {
  const value = params.expand;
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((path) => typeof path !== "string")) throw invalidRequest("Invalid array: expand", { param: "expand" });
  return value as string[];
}

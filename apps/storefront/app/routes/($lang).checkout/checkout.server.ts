import { throwAsResponse } from "../../lib/api-errors.server.ts";
import type { serverApi } from "../../lib/api.server.ts";
import { parseCartLine, type CartLine } from "../../lib/cart-line.ts";
import { invariantResponse } from "../../lib/http.server.ts";

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

export const checkoutFields = ["email", "name", "line1", "number", "city", "region", "postalCode", "country", "taxId"] as const;
export type CheckoutField = (typeof checkoutFields)[number];
export type CheckoutValues = Record<CheckoutField, string>;
export type FieldProblem = "required" | "invalid";

export function readCheckoutForm(form: FormData): CheckoutValues {
  const value = (field: CheckoutField) => {
    const entry = form.get(field);
    return typeof entry === "string" ? entry.trim() : "";
  };
  return Object.fromEntries(checkoutFields.map((field) => [field, value(field)])) as CheckoutValues;
}

type CheckoutDetails = ReturnType<typeof checkoutDetails>;

/** What the shopper typed, as the API's checkout input; the lines come from the link or the cart. */
export function checkoutDetails(values: CheckoutValues, order: { idempotencyKey: string; currency: string; locale: string }) {
  return {
    ...order,
    email: values.email,
    shippingAddress: {
      name: values.name,
      line1: values.line1,
      number: values.number || undefined,
      city: values.city,
      region: values.region,
      postalCode: values.postalCode,
      country: values.country.toUpperCase(),
      taxId: values.taxId || undefined,
    },
    payment: { method: "test" as const, fields: {} },
  };
}

/** Minor units as the form carries them (a decimal string), or null when it isn't one. */
function parseSubtotal(value: FormDataEntryValue | null): bigint | null {
  return typeof value === "string" && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

/**
 * Buy now posts its line; a cart checkout posts the subtotal the shopper was shown, and the API
 * refuses to charge any other.
 */
export function placeOrderFromForm(api: Api, form: FormData, details: CheckoutDetails) {
  if (form.has("variant")) {
    const line = parseCartLine(form.get("variant"), form.get("qty"));
    invariantResponse(line, "BAD_REQUEST", 400);
    return api.orders.place({ ...details, lines: [line] });
  }
  const expectedSubtotal = parseSubtotal(form.get("expectedSubtotal"));
  invariantResponse(expectedSubtotal !== null, "BAD_REQUEST", 400);
  return api.orders.placeFromCart({ ...details, expectedSubtotal });
}

function isCheckoutField(path: string): path is CheckoutField {
  return (checkoutFields as readonly string[]).includes(path);
}

/** Maps the API's invalid input paths onto the form: an empty field is missing, anything else is wrong. */
export function fieldProblems(invalidPaths: string[], values: CheckoutValues): Partial<Record<CheckoutField, FieldProblem>> {
  const problems: Partial<Record<CheckoutField, FieldProblem>> = {};
  for (const path of invalidPaths) {
    const field = path.replace(/^shippingAddress\./, "");
    if (isCheckoutField(field)) problems[field] = values[field] ? "invalid" : "required";
  }
  return problems;
}

/** The line as the shopper will pay for it, when the link names its product. */
export async function describeLine(api: Api, slug: string, line: CartLine, currency: string, locale: string) {
  const product = await api.catalog.get({ slug, currency, locale }).catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  const variant = product.variants.find((candidate) => candidate.id === line.variantId);
  invariantResponse(variant, "NOT_FOUND", 404);
  return {
    productTitle: product.title,
    variantTitle: variant.title,
    quantity: line.quantity,
    unitPrice: variant.price,
    total: variant.price === null ? null : BigInt(variant.price) * BigInt(line.quantity),
  };
}

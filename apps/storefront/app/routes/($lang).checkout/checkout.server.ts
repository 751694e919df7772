import { throwAsResponse } from "../../lib/api-errors.server.ts";
import type { serverApi } from "../../lib/api.server.ts";
import { parseCartLine, type CartLine } from "../../lib/cart-line.ts";
import { fieldProblems, readFields, type FieldProblem } from "../../lib/form-values.server.ts";
import { invariantResponse } from "../../lib/http.server.ts";

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

export const checkoutFields = ["email", "name", "line1", "number", "city", "region", "postalCode", "country", "taxId"] as const;
export type CheckoutField = (typeof checkoutFields)[number];
/**
 * The shopper's choices besides the address. A card arrives as its provider's single-use token
 * (from the provider's card form, or a test card), with the brand and issuer Mercado Pago wants;
 * the brand and BIN also ask Mercado Pago's installment plans for that card.
 */
export const choiceFields = ["shippingRateId", "paymentMethod", "installments", "cardToken", "cardBrand", "cardIssuer", "cardBin"] as const;
export type ChoiceField = (typeof choiceFields)[number];
export type CheckoutValues = Record<CheckoutField | ChoiceField, string>;

export function readCheckoutForm(form: FormData): CheckoutValues {
  return readFields(form, [...checkoutFields, ...choiceFields]);
}

type CheckoutDetails = ReturnType<typeof checkoutDetails>;

/** What the shopper typed and chose, as the API's checkout input; the lines come from the link or the cart. */
export function checkoutDetails(values: CheckoutValues, order: { idempotencyKey: string; currency: string; locale: string }) {
  // Whatever the form says goes to the API, which refuses an unknown method with a field error.
  const method = values.paymentMethod as "pix" | "boleto" | "card";
  const card = method === "card";
  const cardFields = { token: values.cardToken, paymentMethodId: values.cardBrand, issuerId: values.cardIssuer };
  const fields: Record<string, string> = card ? Object.fromEntries(Object.entries(cardFields).filter(([, value]) => value)) : {};
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
    shippingRateId: values.shippingRateId,
    payment: {
      method,
      // Installments and the card token belong to the card option; other methods ignore what it still holds.
      installments: card && /^\d{1,2}$/.test(values.installments) ? Number(values.installments) : 1,
      fields,
    },
  };
}

/**
 * What the form starts with: a signed-in customer's name, email and default address, else just a
 * first guess at the country, so most shoppers see shipping options at once.
 */
export async function checkoutPrefill(api: Api, defaultCountry: string): Promise<Partial<Record<CheckoutField, string>>> {
  const customer = await api.account.me();
  if (!customer) return { country: defaultCountry };
  const address = (await api.account.listAddresses()).find((candidate) => candidate.isDefault);
  const fromAddress = address
    ? { name: address.name, line1: address.line1, number: address.number ?? "", city: address.city, region: address.region, postalCode: address.postalCode, country: address.country, taxId: address.taxId ?? "" }
    : { country: defaultCountry };
  return { email: customer.email, name: customer.name, ...fromAddress };
}

/** Minor units as the form carries them (a decimal string), or null when it isn't one. */
function parseSubtotal(value: FormDataEntryValue | null): bigint | null {
  return typeof value === "string" && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

/** Buy now carries its line in the form (and the page's URL); a cart checkout doesn't. */
function buyNowLine(form: FormData): CartLine | null {
  if (!form.has("variant")) return null;
  const line = parseCartLine(form.get("variant"), form.get("qty"));
  invariantResponse(line, "BAD_REQUEST", 400);
  return line;
}

/**
 * Buy now posts its line, a cart checkout doesn't; both post the subtotal the shopper was shown,
 * and the API refuses to charge any other. (A buy-now link without its product shows no price,
 * so it has none to confirm.)
 */
export function placeOrderFromForm(api: Api, form: FormData, details: CheckoutDetails) {
  const line = buyNowLine(form);
  const expectedSubtotal = parseSubtotal(form.get("expectedSubtotal"));
  if (line) return api.orders.place({ ...details, lines: [line], expectedSubtotal: expectedSubtotal ?? undefined });
  invariantResponse(expectedSubtotal !== null, "BAD_REQUEST", 400);
  return api.orders.placeFromCart({ ...details, expectedSubtotal });
}

/**
 * Shipping options, payment methods and installments for the line or cart and this destination;
 * null until the shopper has named a country.
 */
export function quoteCheckout(api: Api, request: { line: CartLine | null; country: string; shippingRateId?: string; currency: string; card?: { brand: string; bin: string } }) {
  const country = request.country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return Promise.resolve(null);
  const shippingRateId = /^[0-9a-f-]{36}$/i.test(request.shippingRateId ?? "") ? request.shippingRateId : undefined;
  // A card the browser named oddly is left out: the offer is then the one for no card yet.
  const card = request.card && /^[a-z][a-z0-9_]{1,29}$/.test(request.card.brand) && /^\d{6,8}$/.test(request.card.bin) ? request.card : undefined;
  return api.orders
    .quote({ currency: request.currency, country, shippingRateId, lines: request.line ? [request.line] : undefined, card })
    .catch((error: unknown) => throwAsResponse(error));
}

export function quoteFromForm(api: Api, form: FormData, values: CheckoutValues, currency: string) {
  const card = values.paymentMethod === "card" && values.cardBrand ? { brand: values.cardBrand, bin: values.cardBin } : undefined;
  return quoteCheckout(api, { line: buyNowLine(form), country: values.country, shippingRateId: values.shippingRateId, currency, card });
}

/** The form names the payment's fields flat: `payment.method` is its `paymentMethod`. */
const paymentFieldOf = new Map<string, ChoiceField>([
  ["payment.method", "paymentMethod"],
  ["payment.installments", "installments"],
  ["payment.fields.token", "cardToken"],
]);

/** The API's invalid input paths as problems of the checkout form's fields. */
export function checkoutProblems(invalidPaths: readonly string[], values: CheckoutValues): Partial<Record<CheckoutField | ChoiceField, FieldProblem>> {
  return fieldProblems(
    invalidPaths.map((path) => paymentFieldOf.get(path) ?? path),
    values,
    "shippingAddress.",
  );
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

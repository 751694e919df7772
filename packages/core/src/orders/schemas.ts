import { z } from "zod";
import { currencyCode } from "../catalog/schemas.ts";
import { isValidBrazilianTaxId, normalizeCep } from "./brazil.ts";

export const addressInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    line1: z.string().trim().min(1).max(200),
    number: z.string().trim().max(20).optional(),
    line2: z.string().trim().max(200).optional(),
    district: z.string().trim().max(120).optional(),
    city: z.string().trim().min(1).max(120),
    region: z.string().trim().min(1).max(120),
    postalCode: z.string().trim().min(3).max(12),
    country: z.string().regex(/^[A-Z]{2}$/),
    phone: z.string().trim().max(30).optional(),
    /** CPF or CNPJ in Brazil (required there: invoices need it); other countries' tax ids are free-form. */
    taxId: z.string().trim().max(32).optional(),
  })
  .transform((address, ctx) => {
    if (address.country !== "BR") return address;
    const postalCode = normalizeCep(address.postalCode);
    if (!postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "invalid_cep" });
    if (!address.taxId || !isValidBrazilianTaxId(address.taxId)) ctx.addIssue({ code: "custom", path: ["taxId"], message: "invalid_tax_id" });
    return { ...address, postalCode: postalCode ?? address.postalCode, taxId: address.taxId?.replace(/\D/g, "") };
  });

/** Limits shared by order and cart lines, so every cart can become an order. */
export const MAX_LINE_QUANTITY = 99;
export const MAX_ORDER_LINES = 50;

export const orderLineInput = z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) });
export type OrderLineInput = z.infer<typeof orderLineInput>;

/** What every checkout asks for, wherever its lines come from. */
export const checkoutInput = z.object({
  /** Generated when the checkout form is rendered: a double submit places one order. */
  idempotencyKey: z.string().min(16).max(100),
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  currency: currencyCode,
  locale: z.string().min(2).max(10),
  shippingAddress: addressInput,
  payment: z.object({ method: z.enum(["test"]), fields: z.record(z.string(), z.string()).default({}) }),
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

/** Buy now: the lines are named by the request. */
export const placeOrderInput = checkoutInput.extend({ lines: z.array(orderLineInput).min(1).max(MAX_ORDER_LINES) });
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/**
 * Checkout from the shopper's cart: its lines are priced when the order is placed, and the
 * shopper confirms the subtotal they were shown, so a price change in between is never charged
 * unseen.
 */
export const placeFromCartInput = checkoutInput.extend({ expectedSubtotal: z.bigint().nonnegative() });
export type PlaceFromCartInput = z.infer<typeof placeFromCartInput>;

export const placedOrder = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.string(),
  total: z.bigint(),
  currency: z.string(),
  email: z.string(),
});
export type PlacedOrder = z.infer<typeof placedOrder>;

import { z } from "zod";
import { currencyCode } from "../catalog/schemas.ts";
import { MAX_LINE_QUANTITY } from "../orders/schemas.ts";

/** The shopper's language and currency: the cart is titled, priced and kept in them. */
export const cartPreferences = z.object({ currency: currencyCode, locale: z.string().min(2).max(10) });
export type CartPreferences = z.infer<typeof cartPreferences>;

export const cartLineToAdd = z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) });
export type CartLineToAdd = z.infer<typeof cartLineToAdd>;

/** The quantity a line should have now; 0 removes it. */
export const cartLineQuantity = z.object({ variantId: z.uuid(), quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) });
export type CartLineQuantity = z.infer<typeof cartLineQuantity>;

export const cartLineRef = z.object({ variantId: z.uuid() });
export type CartLineRef = z.infer<typeof cartLineRef>;

/**
 * Why a line can't be bought as it stands. The cart keeps the line (the shopper decides what to
 * do); checkout refuses until none is left.
 */
export const cartLineProblem = z.enum(["unavailable", "price_missing", "out_of_stock", "quantity_above_available"]);
export type CartLineProblem = z.infer<typeof cartLineProblem>;

export const cartLineView = z.object({
  variantId: z.uuid(),
  sku: z.string(),
  productSlug: z.string(),
  productTitle: z.string(),
  variantTitle: z.string(),
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  available: z.number().int(),
  /** Minor units in the cart's currency, read from the price list now; null when not priced in it. */
  unitPrice: z.number().int().nullable(),
  total: z.bigint().nullable(),
  problem: cartLineProblem.nullable(),
});
export type CartLineView = z.infer<typeof cartLineView>;

export const cartView = z.object({
  currency: z.string(),
  lines: z.array(cartLineView),
  itemCount: z.number().int(),
  /** Sum of the priced lines, minor units. */
  subtotal: z.bigint(),
  /** At least one line and no line with a problem. */
  readyForCheckout: z.boolean(),
});
export type CartView = z.infer<typeof cartView>;

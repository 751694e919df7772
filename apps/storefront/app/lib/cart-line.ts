/** The API takes 1 to 99 units per line and 50 lines per order or cart (orders/schemas.ts in @primestore/core). */
export const MAX_QUANTITY = 99;
export const MAX_CART_LINES = 50;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CartLine {
  variantId: string;
  quantity: number;
}

/** The variant a link or form names, or null when it names none. */
export function parseVariantId(variant: unknown): string | null {
  return typeof variant === "string" && uuid.test(variant) ? variant.toLowerCase() : null;
}

/**
 * The line a checkout link or form names (`variant`, `qty`), or null when it names none. A cart's
 * quantity form may ask for 0 (remove the line): `minQuantity` 0.
 */
export function parseCartLine(variant: unknown, qty: unknown, minQuantity: 0 | 1 = 1): CartLine | null {
  const variantId = parseVariantId(variant);
  if (!variantId || typeof qty !== "string" || !/^\d{1,2}$/.test(qty)) return null;
  const quantity = Number(qty);
  return quantity >= minQuantity && quantity <= MAX_QUANTITY ? { variantId, quantity } : null;
}

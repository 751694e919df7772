/** The API takes 1 to 99 units per line (placeOrderInput in @primestore/core). */
export const MAX_QUANTITY = 99;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CartLine {
  variantId: string;
  quantity: number;
}

/** The line a checkout link or form names (`variant`, `qty`), or null when it names none. */
export function parseCartLine(variant: unknown, qty: unknown): CartLine | null {
  if (typeof variant !== "string" || !uuid.test(variant)) return null;
  if (typeof qty !== "string" || !/^\d{1,2}$/.test(qty)) return null;
  const quantity = Number(qty);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? { variantId: variant.toLowerCase(), quantity } : null;
}

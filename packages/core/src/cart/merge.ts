import type { Tx } from "@primestore/db";
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from "../orders/schemas.ts";
import { availableUnits } from "../catalog/availability.ts";
import { lockOpenCart } from "./find-cart.ts";
import { createCart, lockCartForChange } from "./open-cart.ts";

/**
 * On sign-in, what the shopper put in the cart as a guest joins their customer cart: quantities
 * are summed, capped by what is in stock now. Merging only ever adds; a line the customer
 * already had is left for the cart view to flag if stock has since dropped below it. The guest
 * cart closes as `abandoned` (its lines live on in the customer cart; `converted` stays reserved
 * for carts that became orders, so conversion numbers stay true), and its token names no open
 * cart any more: after signing out the browser starts a fresh one, not a copy of the customer's.
 * Returns the customer cart's id, or null when the guest had nothing to merge.
 */
export async function mergeGuestCartIntoCustomerCart(tx: Tx, tenantId: string, guestTokenHash: string, customerId: string): Promise<string | null> {
  const guest = await lockOpenCart(tx, { tokenHash: guestTokenHash });
  if (!guest) return null;
  await tx.cart.update({ where: { id: guest.id }, data: { status: "abandoned" } });
  const guestLines = await tx.cartLine.findMany({ where: { cartId: guest.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (!guestLines.length) return null;

  const owner = { customerId };
  const target = (await lockCartForChange(tx, owner)) ?? (await createCart(tx, tenantId, owner, { currency: guest.currency, locale: guest.locale })).cart;
  const targetLines = await tx.cartLine.findMany({ where: { cartId: target.id } });
  const variants = await tx.variant.findMany({
    where: { id: { in: guestLines.map((line) => line.variantId) }, product: { status: "active" } },
    include: { inventoryLevels: true },
  });
  let lineCount = targetLines.length;
  for (const line of guestLines) {
    const variant = variants.find((candidate) => candidate.id === line.variantId);
    // Nothing of a product that is no longer on sale can be bought: nothing to carry over.
    if (!variant) continue;
    const existing = targetLines.find((candidate) => candidate.variantId === line.variantId);
    const had = existing?.quantity ?? 0;
    const merged = Math.min(had + line.quantity, availableUnits(variant.inventoryLevels), MAX_LINE_QUANTITY);
    if (merged <= had) continue;
    if (existing) await tx.cartLine.update({ where: { id: existing.id }, data: { quantity: merged } });
    else if (lineCount < MAX_ORDER_LINES) {
      await tx.cartLine.create({ data: { tenantId, cartId: target.id, variantId: line.variantId, quantity: merged } });
      lineCount += 1;
    }
  }
  await tx.cart.update({ where: { id: target.id }, data: { updatedAt: new Date() } });
  return target.id;
}

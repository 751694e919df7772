import type { Tx } from "@primestore/db";
import type { OrderLineInput } from "../orders/schemas.ts";
import { lockOpenCart } from "./find-cart.ts";
import type { CartOwner } from "./owner.ts";

export interface CartForOrder {
  cartId: string;
  customerId: string | null;
  lines: OrderLineInput[];
}

/**
 * The lines of the owner's cart for an order placed from it, and the cart converted, in the
 * order's own transaction: either both commit or neither does. Null when there is nothing to order.
 */
export async function takeCartForOrder(tx: Tx, owner: CartOwner | null, currency: string): Promise<CartForOrder | null> {
  const cart = owner ? await lockOpenCart(tx, owner) : null;
  if (!cart) return null;
  const lines = await tx.cartLine.findMany({
    where: { cartId: cart.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { variantId: true, quantity: true },
  });
  if (!lines.length) return null;
  await tx.cart.update({ where: { id: cart.id }, data: { status: "converted", currency } });
  return { cartId: cart.id, customerId: cart.customerId, lines };
}

/** A declined payment cancels its order; the shopper gets the cart back to try again. */
export async function reopenConvertedCarts(tx: Tx, cartIds: readonly string[]): Promise<void> {
  if (!cartIds.length) return;
  await tx.cart.updateMany({ where: { id: { in: [...cartIds] }, status: "converted" }, data: { status: "open" } });
}

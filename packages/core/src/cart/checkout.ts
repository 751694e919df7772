import type { Tx } from "@primestore/db";
import { MAX_LINE_QUANTITY, type OrderLineInput } from "../orders/schemas.ts";
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

/**
 * A failed or expired payment cancels its order; the shopper gets the cart back to try again. A
 * customer who has started another cart since (a boleto can take days) keeps that one: the
 * order's lines join it, instead of the old cart, now the latest touched, taking its place.
 */
export async function reopenConvertedCarts(tx: Tx, cartIds: readonly string[]): Promise<void> {
  if (!cartIds.length) return;
  const carts = await tx.cart.findMany({ where: { id: { in: [...cartIds] }, status: "converted" } });
  for (const cart of carts) {
    const current = cart.customerId ? await lockOpenCart(tx, { customerId: cart.customerId }) : null;
    if (!current) {
      await tx.cart.update({ where: { id: cart.id }, data: { status: "open" } });
      continue;
    }
    const [lines, currentLines] = await Promise.all([
      tx.cartLine.findMany({ where: { cartId: cart.id } }),
      tx.cartLine.findMany({ where: { cartId: current.id } }),
    ]);
    for (const line of lines) {
      const quantity = Math.min(MAX_LINE_QUANTITY, line.quantity + (currentLines.find((other) => other.variantId === line.variantId)?.quantity ?? 0));
      await tx.cartLine.upsert({
        where: { tenantId_cartId_variantId: { tenantId: cart.tenantId, cartId: current.id, variantId: line.variantId } },
        create: { tenantId: cart.tenantId, cartId: current.id, variantId: line.variantId, quantity },
        update: { quantity },
      });
    }
    await tx.cart.update({ where: { id: cart.id }, data: { status: "abandoned" } });
  }
}

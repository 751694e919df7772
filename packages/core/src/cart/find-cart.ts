import type { CartModel, Tx } from "@primestore/db";
import type { CartOwner } from "./owner.ts";

/**
 * The owner's open cart. A customer has one; should a race ever leave two, the latest wins. A
 * guest token names at most one cart (unique), and a closed one is never reopened for new
 * shopping: the shopper gets a new token instead.
 */
export function findOpenCart(tx: Tx, owner: CartOwner | null): Promise<CartModel | null> {
  if (!owner) return Promise.resolve(null);
  return tx.cart.findFirst({ where: { ...owner, status: "open" }, orderBy: { updatedAt: "desc" } });
}

/**
 * Like `findOpenCart`, but the row stays locked until the transaction ends, so changes, merges
 * and the checkout of one cart take turns instead of interleaving.
 */
export async function lockOpenCart(tx: Tx, owner: CartOwner): Promise<CartModel | null> {
  const rows =
    "customerId" in owner
      ? await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM carts WHERE "customerId" = ${owner.customerId}::uuid AND status = 'open'
          ORDER BY "updatedAt" DESC LIMIT 1 FOR UPDATE`
      : await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM carts WHERE "tokenHash" = ${owner.tokenHash} AND status = 'open' FOR UPDATE`;
  const id = rows[0]?.id;
  return id ? tx.cart.findUnique({ where: { id } }) : null;
}

import type { CartModel, Tx } from "@primestore/db";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import { lockOpenCart } from "./find-cart.ts";
import type { CartOwner } from "./owner.ts";
import type { CartPreferences } from "./schemas.ts";

/**
 * The owner's open cart, locked for a change. Nothing stops two first requests of one customer
 * from both finding no cart (there is no unique key on an open cart per customer), so customers
 * take a transaction-scoped advisory lock first; guests can't race: a new guest cart gets a new token.
 */
export async function lockCartForChange(tx: Tx, owner: CartOwner | null): Promise<CartModel | null> {
  if (!owner) return null;
  if ("customerId" in owner) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`cart:${owner.customerId}`}, 0))`;
  return lockOpenCart(tx, owner);
}

export interface NewCart {
  cart: CartModel;
  /** Set for a new guest cart: the cookie value, never stored (only its hash is). */
  guestToken: string | null;
}

/**
 * A new, empty cart. A guest always gets a freshly minted token, even when their cookie named a
 * cart that has since closed: a token the browser (or whoever planted the cookie) chose never
 * names a cart.
 */
export async function createCart(tx: Tx, tenantId: string, owner: CartOwner | null, preferences: CartPreferences): Promise<NewCart> {
  if (owner && "customerId" in owner) {
    return { cart: await tx.cart.create({ data: { tenantId, customerId: owner.customerId, ...preferences } }), guestToken: null };
  }
  const guestToken = newSessionToken();
  return { cart: await tx.cart.create({ data: { tenantId, tokenHash: hashToken(guestToken), ...preferences } }), guestToken };
}

import type { CartModel, Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from "../orders/schemas.ts";
import { assertInStock, purchasableUnits } from "./availability.ts";
import { buildCartView } from "./cart-view.ts";
import { createCart, lockCartForChange } from "./open-cart.ts";
import { shopperPreferences, type CartShopper } from "./owner.ts";
import {
  cartLineQuantity,
  cartLineRef,
  cartLineToAdd,
  type CartLineQuantity,
  type CartLineRef,
  type CartLineToAdd,
  type CartPreferences,
  type CartView,
} from "./schemas.ts";

function findLine(tx: Tx, cart: CartModel, variantId: string) {
  return tx.cartLine.findUnique({ where: { tenantId_cartId_variantId: { tenantId: cart.tenantId, cartId: cart.id, variantId } } });
}

/** Every change records the shopper's currency and language, and when the cart was last used. */
async function touchedView(tx: Tx, cart: CartModel, preferences: CartPreferences): Promise<CartView> {
  await tx.cart.update({ where: { id: cart.id }, data: preferences });
  return buildCartView(tx, cart.id, preferences);
}

/**
 * Adds units of a variant, merged into its line when the cart has one. Everything is checked
 * before anything is written; a guest's first add creates the cart and returns its new token.
 */
export async function addCartLine(tx: Tx, shopper: CartShopper, line: CartLineToAdd): Promise<{ cart: CartView; guestToken: string | null }> {
  const preferences = shopperPreferences(shopper);
  const { variantId, quantity } = cartLineToAdd.parse(line);
  const available = await purchasableUnits(tx, variantId);
  const existingCart = await lockCartForChange(tx, shopper.owner);
  const existingLine = existingCart ? await findLine(tx, existingCart, variantId) : null;
  const total = (existingLine?.quantity ?? 0) + quantity;
  if (total > MAX_LINE_QUANTITY) throw new AppError("VALIDATION", `At most ${MAX_LINE_QUANTITY} units per line`, { field: "quantity" });
  if (!existingLine && existingCart && (await tx.cartLine.count({ where: { cartId: existingCart.id } })) >= MAX_ORDER_LINES) {
    throw new AppError("VALIDATION", `At most ${MAX_ORDER_LINES} lines per cart`, { field: "variantId" });
  }
  assertInStock(variantId, total, available);

  const { cart, guestToken } = existingCart
    ? { cart: existingCart, guestToken: null }
    : await createCart(tx, shopper.tenant.id, shopper.owner, preferences);
  if (existingLine) await tx.cartLine.update({ where: { id: existingLine.id }, data: { quantity: total } });
  else await tx.cartLine.create({ data: { tenantId: cart.tenantId, cartId: cart.id, variantId, quantity } });
  return { cart: await touchedView(tx, cart, preferences), guestToken };
}

/**
 * Sets a line's quantity; 0 removes it. Lowering is checked against stock too: a quantity the
 * shopper can't buy is never stored as if they could.
 */
export async function setCartLineQuantity(tx: Tx, shopper: CartShopper, line: CartLineQuantity): Promise<CartView> {
  const preferences = shopperPreferences(shopper);
  const { variantId, quantity } = cartLineQuantity.parse(line);
  const cart = await lockCartForChange(tx, shopper.owner);
  const existing = cart ? await findLine(tx, cart, variantId) : null;
  if (!cart || !existing) throw new AppError("NOT_FOUND", `Variant ${variantId} is not in the cart`);
  if (quantity === 0) {
    await tx.cartLine.delete({ where: { id: existing.id } });
  } else {
    assertInStock(variantId, quantity, await purchasableUnits(tx, variantId));
    await tx.cartLine.update({ where: { id: existing.id }, data: { quantity } });
  }
  return touchedView(tx, cart, preferences);
}

/** Idempotent: a double-clicked Remove (or one from a stale tab) is not an error. */
export async function removeCartLine(tx: Tx, shopper: CartShopper, line: CartLineRef): Promise<CartView> {
  const preferences = shopperPreferences(shopper);
  const { variantId } = cartLineRef.parse(line);
  const cart = await lockCartForChange(tx, shopper.owner);
  if (!cart) return buildCartView(tx, null, preferences);
  await tx.cartLine.deleteMany({ where: { cartId: cart.id, variantId } });
  return touchedView(tx, cart, preferences);
}

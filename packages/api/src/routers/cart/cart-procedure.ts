import { guestCartOwner, type CartOwner, type CartPreferences, type CartShopper } from "@primestore/core/cart";
import { CART_COOKIE, type Context } from "../../context.ts";
import { secureCookies, serializeCookie } from "../../cookies.ts";
import { visitorProcedure } from "../../trpc.ts";

/** Procedures on the shopper's own cart: a signed-in customer's, else the guest cart their cookie names. */
export const cartProcedure = visitorProcedure.use(({ ctx, next }) => {
  const cartOwner: CartOwner | null = ctx.customer ? { customerId: ctx.customer.id } : ctx.cartToken ? guestCartOwner(ctx.cartToken) : null;
  return next({ ctx: { cartOwner } });
});

export function cartShopper(ctx: { tenant: CartShopper["tenant"]; cartOwner: CartOwner | null }, preferences: CartPreferences): CartShopper {
  return { tenant: ctx.tenant, owner: ctx.cartOwner, ...preferences };
}

/** A year, like the language and currency preferences: a guest's cart should outlive visits. */
const CART_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** Called after the cart's transaction committed, so the cookie never names a cart that isn't there. */
export function rememberGuestCart(ctx: Pick<Context, "resHeaders">, token: string): void {
  ctx.resHeaders.append("Set-Cookie", serializeCookie(CART_COOKIE, token, { maxAgeSeconds: CART_COOKIE_MAX_AGE_SECONDS, secure: secureCookies() }));
}

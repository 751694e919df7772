import type { CustomerSessionToken } from "@primestore/core/account";
import { CART_COOKIE, CUSTOMER_COOKIE, type Context } from "../../context.ts";
import { secureCookies, serializeCookie } from "../../cookies.ts";

type WithHeaders = Pick<Context, "resHeaders">;

/**
 * After sign-in or sign-up: the session cookie, and the guest cart's cookie expired, since its
 * lines now live in the customer's cart and the guest cart is closed.
 */
export function startBrowserSession(ctx: WithHeaders & Pick<Context, "cartToken">, session: CustomerSessionToken): void {
  const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  ctx.resHeaders.append("Set-Cookie", serializeCookie(CUSTOMER_COOKIE, session.token, { maxAgeSeconds, secure: secureCookies() }));
  if (ctx.cartToken) ctx.resHeaders.append("Set-Cookie", serializeCookie(CART_COOKIE, "", { maxAgeSeconds: 0, secure: secureCookies() }));
}

export function endBrowserSession(ctx: WithHeaders): void {
  ctx.resHeaders.append("Set-Cookie", serializeCookie(CUSTOMER_COOKIE, "", { maxAgeSeconds: 0, secure: secureCookies() }));
}

import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@primestore/config";

/**
 * The capability in an order status link: whoever has it is the buyer (guests have no account to
 * prove it). An HMAC of the store and order ids, so nothing is stored and it can't be guessed or
 * moved to another order or store; rotating SESSION_SECRET invalidates old links.
 */
export function orderAccessToken(tenantId: string, orderId: string, secret: string = env().SESSION_SECRET): string {
  return createHmac("sha256", secret).update(`order-access:${tenantId}:${orderId}`).digest("base64url");
}

export function isOrderAccessToken(tenantId: string, orderId: string, token: string, secret?: string): boolean {
  const expected = Buffer.from(orderAccessToken(tenantId, orderId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import { withTenant, type Db } from "@primestore/db";
import type { Cache } from "../cache/index.ts";
import { AppError, isAppError } from "../errors/index.ts";
import { orderDetail } from "./order-history.ts";
import { guestOrderLookupInput, type GuestOrderLookupInput, type OrderDetailView } from "./schemas.ts";

/** Order numbers are sequential, so an email gets a few misses per window, not a scan of them all. */
export const MAX_LOOKUP_MISSES = 10;
export const LOOKUP_WINDOW_MS = 15 * 60 * 1000;

/**
 * A guest's order by the email they checked out with and its number: the same NOT_FOUND for a
 * wrong email or a wrong number. Misses are counted per store and email in the shared cache
 * (approximate under races, which is enough to stop enumeration); past the limit every attempt
 * for that email is RATE_LIMITED until the window ends.
 */
export async function lookupGuestOrder(db: Db, cache: Cache, tenantId: string, input: GuestOrderLookupInput): Promise<OrderDetailView> {
  const { email, number } = guestOrderLookupInput.parse(input);
  const key = `order-lookup-misses:${tenantId}:${email}`;
  const misses = (await cache.get<number>(key)) ?? 0;
  if (misses >= MAX_LOOKUP_MISSES) throw new AppError("RATE_LIMITED");
  try {
    return await withTenant(db, tenantId, (tx) => orderDetail(tx, { email, number }));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") await cache.set(key, misses + 1, LOOKUP_WINDOW_MS);
    throw error;
  }
}

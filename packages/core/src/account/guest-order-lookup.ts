import { withTenant, type Db } from "@primestore/db";
import type { Cache } from "../cache/index.ts";
import { AppError } from "../errors/index.ts";
import { orderDetail } from "./order-history.ts";
import { guestOrderLookupInput, type GuestOrderLookupInput, type OrderDetailView } from "./schemas.ts";

/** Order numbers are sequential, so an email gets a few attempts per window, not a scan of them all. */
export const MAX_LOOKUP_ATTEMPTS = 10;
export const LOOKUP_WINDOW_MS = 15 * 60 * 1000;

/**
 * A guest's order by the email they checked out with and its number: the same NOT_FOUND for a
 * wrong email or a wrong number. Attempts are counted per store and email with an atomic counter
 * in the shared cache before anything is looked up, so a burst of parallel guesses can't all be
 * answered; past the limit every attempt for that email is RATE_LIMITED until the window ends.
 */
export async function lookupGuestOrder(db: Db, cache: Cache, tenantId: string, input: GuestOrderLookupInput): Promise<OrderDetailView> {
  const { email, number } = guestOrderLookupInput.parse(input);
  const attempts = await cache.increment(`order-lookup-attempts:${tenantId}:${email}`, LOOKUP_WINDOW_MS);
  if (attempts > MAX_LOOKUP_ATTEMPTS) throw new AppError("RATE_LIMITED");
  return withTenant(db, tenantId, (tx) => orderDetail(tx, { email, number }));
}

import { withTenant, type Db } from "@primestore/db";
import { burnPasswordCheck, verifyPassword } from "../auth/password.ts";
import type { Cache } from "../cache/index.ts";
import { AppError } from "../errors/index.ts";
import { customerSignInInput, type CustomerSignInInput } from "./schemas.ts";
import { startCustomerSession, type CustomerSessionToken } from "./sessions.ts";

/** Password guesses per account and window: plenty for a person, too few for credential stuffing. */
export const MAX_SIGN_IN_ATTEMPTS = 20;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Storefront sign-in: customers belong to one store, so the same email on another store is
 * another (or no) account. An unknown email, a guest record without a password and a wrong
 * password all take an argon2 verification and give the same INVALID_CREDENTIALS. Attempts per
 * store and email are counted atomically before any check, so parallel guesses are limited too.
 */
export async function signInCustomer(db: Db, cache: Cache, tenantId: string, input: CustomerSignInInput, guestCartToken: string | null): Promise<CustomerSessionToken> {
  const { email, password, locale } = customerSignInInput.parse(input);
  const attempts = await cache.increment(`sign-in-attempts:${tenantId}:${email}`, SIGN_IN_WINDOW_MS);
  if (attempts > MAX_SIGN_IN_ATTEMPTS) throw new AppError("RATE_LIMITED");
  const customer = await withTenant(db, tenantId, (tx) => tx.customer.findUnique({ where: { tenantId_email: { tenantId, email } } }));
  if (!customer?.passwordHash) {
    await burnPasswordCheck(password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  // Outside any transaction: argon2 takes tens of milliseconds and needs no connection.
  if (!(await verifyPassword(customer.passwordHash, password))) throw new AppError("INVALID_CREDENTIALS");
  return withTenant(db, tenantId, async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { locale } });
    return startCustomerSession(tx, customer, guestCartToken);
  });
}

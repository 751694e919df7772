import { withTenant, type Db } from "@primestore/db";
import { hashPassword } from "../auth/password.ts";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { signUpInput, type SignUpInput } from "./schemas.ts";
import { startCustomerSession, type CustomerSessionToken } from "./sessions.ts";

/**
 * A new account, signed in at once. An email this store already knows is EMAIL_TAKEN, even when
 * it belongs to a record without a password: anyone can type any email here, so taking over an
 * existing record (and the orders and addresses on it) needs the emailed reset link, which
 * proves the shopper reads that mailbox (docs/decisions/009-customer-accounts.md).
 */
export async function signUpCustomer(db: Db, tenantId: string, input: SignUpInput, guestCartToken: string | null): Promise<CustomerSessionToken> {
  const { name, email, password, locale } = signUpInput.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await withTenant(db, tenantId, async (tx) => {
      const customer = await tx.customer.create({ data: { tenantId, email, name, passwordHash, locale } });
      return startCustomerSession(tx, customer, guestCartToken);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("EMAIL_TAKEN");
    throw error;
  }
}

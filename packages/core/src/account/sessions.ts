import { withTenant, type Db, type Tx } from "@primestore/db";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import { SESSION_TTL_MS } from "../auth/users.ts";
import { mergeGuestCartIntoCustomerCart } from "../cart/merge.ts";

export interface CustomerSessionToken {
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/**
 * Opens a session for a customer who just proved who they are, in the caller's transaction, and
 * brings what they put in the cart as a guest into their customer cart in the same commit: a
 * failed sign-in merges nothing, a merged cart always has a signed-in owner.
 */
export async function startCustomerSession(
  tx: Tx,
  customer: { tenantId: string; id: string },
  guestCartToken: string | null,
): Promise<CustomerSessionToken> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await tx.customerSession.create({ data: { tenantId: customer.tenantId, customerId: customer.id, tokenHash: hashToken(token), expiresAt } });
  if (guestCartToken) await mergeGuestCartIntoCustomerCart(tx, customer.tenantId, hashToken(guestCartToken), customer.id);
  return { token, expiresAt };
}

/** Signing out ends this browser's session only; a password reset ends them all. */
export async function endCustomerSession(db: Db, tenantId: string, token: string): Promise<void> {
  await withTenant(db, tenantId, (tx) => tx.customerSession.deleteMany({ where: { tokenHash: hashToken(token) } }));
}

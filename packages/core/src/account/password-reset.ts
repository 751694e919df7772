import { withTenant, type Db } from "@primestore/db";
import { hashPassword } from "../auth/password.ts";
import { hashToken } from "../auth/tokens.ts";
import { AppError } from "../errors/index.ts";
import { recordEvent } from "../outbox/index.ts";
import { passwordResetInput, passwordResetRequestInput, type PasswordResetInput, type PasswordResetRequestInput } from "./schemas.ts";

export const PASSWORD_RESET_REQUESTED = "customer.password_reset_requested";

/** Where the shopper asked from: the reset link must lead back to this store, in their language. */
export interface ResetRequestOrigin {
  tenant: { id: string; locales: readonly string[]; defaultLocale: string };
  /** Scheme, host and port of the storefront; the host is one the store owns (it was resolved from it). */
  origin: string;
}

/**
 * Asks for a reset link. The answer is the same whether the email has an account or not; for a
 * known one an outbox event is recorded and the worker mints the token and sends the email, so
 * the raw token only ever exists in that email (decision 009). A guest record without a password
 * may ask too: following the link is how a guest claims their account.
 */
export async function requestPasswordReset(db: Db, input: PasswordResetRequestInput, from: ResetRequestOrigin): Promise<void> {
  const { email, locale } = passwordResetRequestInput.parse(input);
  const { tenant, origin } = from;
  await withTenant(db, tenant.id, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { tenantId_email: { tenantId: tenant.id, email } }, select: { id: true } });
    if (!customer) return;
    const linkLocale = tenant.locales.includes(locale) ? locale : tenant.defaultLocale;
    await recordEvent(tx, tenant.id, PASSWORD_RESET_REQUESTED, { customerId: customer.id, locale: linkLocale, origin });
  });
}

/**
 * Sets a new password with a reset link's token: valid once, before it expires, on its own store
 * only (the lookup runs under the store's row-level security). Every session of the customer
 * ends, every other link dies, and orders placed as a guest with this email join the account:
 * the link proved the shopper reads that mailbox. Returns the account's email for the sign-in form.
 */
export async function resetPassword(db: Db, tenantId: string, input: PasswordResetInput): Promise<{ email: string }> {
  const { token, password } = passwordResetInput.parse(input);
  const passwordHash = await hashPassword(password);
  return withTenant(db, tenantId, async (tx) => {
    const now = new Date();
    const reset = await tx.passwordReset.findUnique({ where: { tenantId_tokenHash: { tenantId, tokenHash: hashToken(token) } } });
    // Guarded: of two submits of one link, only one finds it unused.
    const claimed = reset
      ? await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      : { count: 0 };
    if (!reset || claimed.count !== 1) throw new AppError("RESET_TOKEN_INVALID");
    const customer = await tx.customer.update({ where: { id: reset.customerId }, data: { passwordHash } });
    await tx.customerSession.deleteMany({ where: { customerId: customer.id } });
    await tx.passwordReset.updateMany({ where: { customerId: customer.id, usedAt: null }, data: { expiresAt: now } });
    await tx.order.updateMany({ where: { email: customer.email, customerId: null }, data: { customerId: customer.id } });
    return { email: customer.email };
  });
}

import { SUPPORTED_LOCALES } from "@primestore/i18n";
import type { Db } from "@primestore/db";
import { z } from "zod";
import { newPassword } from "../account/schemas.ts";
import { AppError } from "../errors/index.ts";
import { recordPlatformEvent } from "../outbox/index.ts";
import { hashPassword } from "./password.ts";
import { hashToken } from "./tokens.ts";

export const USER_PASSWORD_RESET_REQUESTED = "user.password_reset_requested";

export const userPasswordResetRequestInput = z.object({ email: z.email().max(254).transform((email) => email.toLowerCase()), locale: z.enum(SUPPORTED_LOCALES) });
export const userPasswordResetInput = z.object({ token: z.string().min(20).max(200), password: newPassword });

/**
 * A portal user asks for a reset link. The answer is the same for any email; for a known one a
 * platform event is recorded and the worker mints the link and emails it (decision 009, as the
 * storefront's): the raw token only ever exists in that email. `portalUrl` is the configured
 * portal address, never a request's Host.
 */
export async function requestUserPasswordReset(db: Db, raw: z.input<typeof userPasswordResetRequestInput>, portalUrl: string): Promise<void> {
  const { email, locale } = userPasswordResetRequestInput.parse(raw);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (user) await recordPlatformEvent(db, USER_PASSWORD_RESET_REQUESTED, { userId: user.id, locale, origin: portalUrl });
}

/**
 * Sets a new password with a link's token: once, before it expires. Every session of the user ends
 * (a stolen one too) and every other link dies. Two-factor sign-in stays on: the link proves the
 * mailbox, not the phone. Returns the email for the sign-in form.
 */
export async function resetUserPassword(db: Db, raw: z.input<typeof userPasswordResetInput>): Promise<{ email: string }> {
  const { token, password } = userPasswordResetInput.parse(raw);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const reset = await tx.userPasswordReset.findUnique({ where: { tokenHash: hashToken(token) } });
    const claimed = reset ? await tx.userPasswordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } }) : { count: 0 };
    if (!reset || claimed.count !== 1) throw new AppError("RESET_TOKEN_INVALID");
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.userPasswordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: now } });
    return { email: user.email };
  });
}

import type { Db } from "@primestore/db";
import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import type { Mailer } from "./mailer.ts";
import { MAX_PASSWORD_RESETS_PER_HOUR, PASSWORD_RESET_TTL_MS } from "./password-reset.ts";

export interface UserPasswordResetRequest {
  eventId: string;
  userId: string;
  locale: string;
  /** The portal's address, where the link leads. */
  origin: string;
}

const HOUR_MS = 3600_000;

/**
 * A portal user's reset email, as the storefront's (decision 009): the link's token is minted here,
 * only its hash kept, earlier unused links end. The reset row is the record of the send (there is
 * no store to file a notification under): one per event, so a retried job doesn't send twice.
 */
export async function sendUserPasswordResetEmail(db: Db, mailer: Mailer, request: UserPasswordResetRequest): Promise<"sent" | "already-sent" | "skipped"> {
  const existing = await db.userPasswordReset.findUnique({ where: { eventId: request.eventId } });
  if (existing?.sentAt) return "already-sent";
  const user = await db.user.findUnique({ where: { id: request.userId } });
  if (!user) return "skipped";
  const now = new Date();
  const recent = await db.userPasswordReset.count({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
  if (!existing && recent >= MAX_PASSWORD_RESETS_PER_HOUR) return "skipped";

  const token = newSessionToken();
  const reset = await db.$transaction(async (tx) => {
    await tx.userPasswordReset.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now }, NOT: { eventId: request.eventId } }, data: { expiresAt: now } });
    const fields = { tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) };
    return tx.userPasswordReset.upsert({ where: { eventId: request.eventId }, create: { userId: user.id, eventId: request.eventId, ...fields }, update: fields });
  });

  const locale = isLocale(request.locale) ? request.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  const link = `${request.origin}/reset-password?token=${encodeURIComponent(token)}`;
  const text = [
    t("email.passwordResetGreeting", { name: user.name }),
    "",
    t("email.userPasswordResetBody", { minutes: PASSWORD_RESET_TTL_MS / 60_000 }),
    "",
    link,
    "",
    t("email.passwordResetIgnore"),
  ].join("\n");
  await mailer.send({ id: reset.id, to: user.email, from: "no-reply@primestore.local", subject: t("email.userPasswordResetSubject"), text });
  await db.userPasswordReset.update({ where: { id: reset.id }, data: { sentAt: new Date() } });
  return "sent";
}

import { withTenant, type Db } from "@primestore/db";
import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import { deliverNotification, storedEmail } from "./deliver.ts";
import type { Mailer } from "./mailer.ts";

const HOUR_MS = 3600 * 1000;
/** Long enough to switch to the mail app and back, short enough that an old email is no key. */
export const PASSWORD_RESET_TTL_MS = HOUR_MS;
/** Per customer and hour: a form anyone can submit must not become a way to flood a mailbox. */
export const MAX_PASSWORD_RESETS_PER_HOUR = 5;

export interface PasswordResetRequest {
  eventId: string;
  customerId: string;
  locale: string;
  origin: string;
}

const resetPath = (origin: string, locale: string, token: string) => `${origin}/${locale}/account/reset-password?token=${encodeURIComponent(token)}`;

/**
 * Mints the reset token and emails the link. Only the token's hash is stored, and the stored
 * copy of the email shows the link without it, so no table holds a usable link. Each run (a
 * retry too) mints a fresh token and ends the customer's earlier unused links: the newest email
 * is the one that works. The notification row (dedupe key per request) makes a finished send final.
 */
export async function sendPasswordResetEmail(
  db: Db,
  mailer: Mailer,
  tenantId: string,
  request: PasswordResetRequest,
): Promise<"sent" | "already-sent" | "skipped"> {
  const prepared = await withTenant(db, tenantId, async (tx) => {
    const dedupeKey = `customer.password_reset:${request.eventId}`;
    const existing = await tx.notification.findUnique({ where: { tenantId_dedupeKey: { tenantId, dedupeKey } } });
    if (existing?.status === "sent") return "already-sent" as const;
    const customer = await tx.customer.findUnique({ where: { id: request.customerId }, include: { tenant: { select: { name: true } } } });
    if (!customer) return "skipped" as const;
    const now = new Date();
    const recent = await tx.passwordReset.count({ where: { customerId: customer.id, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
    if (!existing && recent >= MAX_PASSWORD_RESETS_PER_HOUR) return "skipped" as const;

    await tx.passwordReset.updateMany({ where: { customerId: customer.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const token = newSessionToken();
    await tx.passwordReset.create({
      data: { tenantId, customerId: customer.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
    });

    const locale = isLocale(request.locale) ? request.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const body = (link: string) =>
      [
        t("email.passwordResetGreeting", { name: customer.name }),
        "",
        t("email.passwordResetBody", { store: customer.tenant.name, minutes: PASSWORD_RESET_TTL_MS / 60_000 }),
        "",
        link,
        "",
        t("email.passwordResetIgnore"),
      ].join("\n");
    const notification = await storedEmail(tx, existing, {
      tenantId,
      template: "customer.password_reset",
      recipient: customer.email,
      locale,
      subject: t("email.passwordResetSubject", { store: customer.tenant.name }),
      bodyText: body(resetPath(request.origin, locale, "…")),
      dedupeKey,
    });
    return { notification, text: body(resetPath(request.origin, locale, token)) };
  });
  if (typeof prepared === "string") return prepared;

  return deliverNotification(db, mailer, tenantId, prepared.notification, prepared.text);
}

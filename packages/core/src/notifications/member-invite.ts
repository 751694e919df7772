import { withTenant, type Db } from "@primestore/db";
import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import { INVITE_TTL_MS } from "../team/invite-member.ts";
import { deliverNotification, storedEmail } from "./deliver.ts";
import type { Mailer } from "./mailer.ts";

export interface MemberInviteRequest {
  eventId: string;
  inviteId: string;
  locale: string;
  /** The portal's address, where the link leads. */
  origin: string;
}

const invitePath = (origin: string, store: string, token: string) => `${origin}/invite/${store}?token=${encodeURIComponent(token)}`;

/**
 * Mints the invitation's token and emails the link, as password resets do (decision 009): only the
 * hash is stored, on the invite, and the stored copy of the email shows the link without it. A retry
 * mints a fresh token, so the newest email is the one that works. An invitation withdrawn, accepted
 * or renewed since (a newer event carries it) is not sent.
 */
export async function sendMemberInviteEmail(db: Db, mailer: Mailer, tenantId: string, request: MemberInviteRequest): Promise<"sent" | "already-sent" | "skipped"> {
  const prepared = await withTenant(db, tenantId, async (tx) => {
    const dedupeKey = `member.invited:${request.eventId}`;
    const existing = await tx.notification.findUnique({ where: { tenantId_dedupeKey: { tenantId, dedupeKey } } });
    if (existing?.status === "sent") return "already-sent" as const;
    const invite = await tx.memberInvite.findUnique({
      where: { id: request.inviteId },
      include: { tenant: { select: { name: true, slug: true } }, customRole: { select: { name: true } }, inviter: { select: { name: true } } },
    });
    if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) return "skipped" as const;

    const token = newSessionToken();
    await tx.memberInvite.update({ where: { id: invite.id }, data: { tokenHash: hashToken(token) } });
    const locale = isLocale(request.locale) ? request.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const store = invite.tenant.name;
    const inviter = invite.inviter?.name ?? store;
    const role = invite.customRole?.name ?? t(`portal.roles.${invite.role}`);
    const body = (link: string) =>
      [t("email.memberInviteGreeting"), "", t("email.memberInviteBody", { inviter, store, role, days: INVITE_TTL_MS / 86_400_000 }), "", link, "", t("email.memberInviteIgnore")].join("\n");
    const notification = await storedEmail(tx, existing, {
      tenantId,
      template: "member.invited",
      recipient: invite.email,
      locale,
      subject: t("email.memberInviteSubject", { inviter, store }),
      bodyText: body(invitePath(request.origin, invite.tenant.slug, "…")),
      dedupeKey,
    });
    return { notification, text: body(invitePath(request.origin, invite.tenant.slug, token)) };
  });
  if (typeof prepared === "string") return prepared;
  return deliverNotification(db, mailer, tenantId, prepared.notification, prepared.text);
}

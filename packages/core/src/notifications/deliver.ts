import { withTenant, type Db, type Tx } from "@primestore/db";
import type { Mailer } from "./mailer.ts";

/**
 * Sends a stored notification and marks it sent. `text` is what goes out, which may differ from the
 * stored copy: an email carrying a live link is stored with the link's token blanked.
 */
export async function deliverNotification(
  db: Db,
  mailer: Mailer,
  tenantId: string,
  notification: { id: string; recipient: string; subject: string; bodyHtml?: string | null },
  text: string,
): Promise<"sent"> {
  await mailer.send({ id: notification.id, to: notification.recipient, from: "no-reply@primestore.local", subject: notification.subject, text, html: notification.bodyHtml });
  await withTenant(db, tenantId, (tx) =>
    tx.notification.updateMany({ where: { id: notification.id, status: { not: "sent" } }, data: { status: "sent", sentAt: new Date() } }),
  );
  return "sent";
}

export interface StoredEmail {
  tenantId: string;
  template: string;
  recipient: string;
  locale: string;
  subject: string;
  bodyText: string;
  dedupeKey: string;
}

/** The stored copy of an email, written once per dedupe key: a retry reuses the first (its id is the message id). */
export async function storedEmail(tx: Tx, existing: Awaited<ReturnType<Tx["notification"]["findUnique"]>>, email: StoredEmail) {
  return existing ?? tx.notification.create({ data: { channel: "email", ...email } });
}

import { withTenant, type Db } from "@primestore/db";
import { formatMoney, isLocale, translator } from "@primestore/i18n";
import { getOrderForConfirmation } from "../orders/queries.ts";
import { deliverNotification } from "./deliver.ts";
import type { Mailer } from "./mailer.ts";

/**
 * Sends the order confirmation exactly once per order, however often the job runs: the
 * notification row (unique dedupe key) is claimed first, the email goes out, then it's marked sent.
 * A crash after the send re-sends under the same message id, which mailers and the file store dedupe.
 */
export async function sendOrderPlacedEmail(db: Db, mailer: Mailer, tenantId: string, orderId: string): Promise<"sent" | "already-sent"> {
  const notification = await withTenant(db, tenantId, async (tx) => {
    const dedupeKey = `order.placed:${orderId}`;
    const existing = await tx.notification.findUnique({ where: { tenantId_dedupeKey: { tenantId, dedupeKey } } });
    if (existing) return existing;
    const order = await getOrderForConfirmation(tx, orderId);
    const locale = isLocale(order.locale) ? order.locale : "pt-BR";
    const t = translator(locale);
    const money = (amount: bigint) => formatMoney(amount, order.currency, locale);
    const name = order.addresses[0]?.name ?? order.email;
    const lines = order.lines.map((line) => t("email.orderLine", { quantity: line.quantity, title: line.title, total: money(line.total) }));
    return tx.notification.create({
      data: {
        tenantId,
        channel: "email",
        template: "order.placed",
        recipient: order.email,
        locale,
        subject: t("email.orderPlacedSubject", { store: order.tenant.name, number: order.number }),
        bodyText: [
          t("email.orderPlacedGreeting", { name }),
          "",
          // PIX and boleto orders are placed before they are paid: say what happens next, not "confirmed".
          t(order.status === "pending_payment" ? "email.orderAwaitingPaymentBody" : "email.orderPlacedBody", { number: order.number, total: money(order.total) }),
          "",
          ...lines,
        ].join("\n"),
        dedupeKey,
      },
    });
  });
  if (notification.status === "sent") return "already-sent";

  return deliverNotification(db, mailer, tenantId, notification, notification.bodyText);
}

import { type Db, type Tx, withTenant } from "@primestore/db";
import type { ProviderId, WebhookNotification } from "@primestore/payments";
import { z } from "zod";
import { connectedAccount, syncAccountReadiness } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";
import { syncPaymentInTx } from "./sync-payment.ts";

/** What receiveWebhook stored: the verified notification, checked again because jsonb is untyped. */
const storedNotification = z.object({
  eventId: z.string(),
  type: z.string(),
  providerPaymentId: z.string().optional(),
  paymentId: z.string().optional(),
  accountId: z.string().optional(),
});

export type WebhookProcessing = "processed" | "already_processed" | "ignored" | "not_found" | "mismatch";

/** Takes the event for this worker: concurrent deliveries of one event take turns here, and only the first finds it still received. */
async function claim(tx: Tx, inboxId: string): Promise<boolean> {
  const claimed = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM inbox_events WHERE id = ${inboxId}::uuid AND status = 'received' FOR UPDATE`;
  return claimed.length > 0;
}

async function finish(tx: Tx, inboxId: string, status: "processed" | "failed", lastError?: string) {
  await tx.inboxEvent.updateMany({ where: { id: inboxId, status: "received" }, data: { status, processedAt: new Date(), lastError } });
}

/**
 * The worker's half of a webhook: the notification is only a hint. The payment it names is
 * fetched from the provider with the store's own credentials (so a forged or misdirected event
 * reads nothing of another store), matched to our payment within the store's scope, and our
 * records are moved to the provider's truth.
 */
export async function processWebhook(db: Db, gateway: PaymentGateway, tenantId: string, inboxId: string): Promise<WebhookProcessing> {
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenantId, fn);
  const loaded = await scoped(async (tx) => {
    const event = await tx.inboxEvent.findUnique({ where: { id: inboxId } });
    if (event?.status !== "received") return { outcome: event ? ("already_processed" as const) : ("not_found" as const) };
    const notification = storedNotification.parse(event.payload) satisfies Partial<WebhookNotification>;
    const providerId = event.provider as ProviderId;
    if (!notification.providerPaymentId) {
      if (!(await claim(tx, inboxId))) return { outcome: "already_processed" as const };
      // An event about the store's account (Stripe `account.updated`): whether it can take money now.
      if (notification.accountId) await syncAccountReadiness(tx, gateway, providerId, notification.accountId);
      await finish(tx, inboxId, "processed");
      return { outcome: notification.accountId ? ("processed" as const) : ("ignored" as const) };
    }
    return { notification, providerId, providerPaymentId: notification.providerPaymentId, account: await connectedAccount(tx, gateway, tenantId, providerId) };
  });
  if (loaded.outcome !== undefined) return loaded.outcome;
  const { notification, providerId, providerPaymentId, account } = loaded;
  const provider = providerOf(gateway, providerId);
  const snapshot = await provider.getPayment(providerPaymentId, account).catch(async (error: unknown) => {
    // Kept for staff and retried by the queue with backoff: an outage ends, a payment that isn't
    // this store's (a misdirected event) keeps failing and changes nothing.
    await scoped((tx) => tx.inboxEvent.update({ where: { id: inboxId }, data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 500) } }));
    throw error;
  });
  return scoped(async (tx) => {
    if (!(await claim(tx, inboxId))) return "already_processed";
    const paymentId = [snapshot.paymentId, notification.paymentId].find((id) => z.uuid().safeParse(id).success);
    const payment = paymentId
      ? await tx.payment.findFirst({ where: { id: paymentId, provider: providerId }, select: { id: true } })
      : await tx.payment.findFirst({ where: { provider: providerId, providerPaymentId: snapshot.providerPaymentId }, select: { id: true } });
    if (!payment) {
      await finish(tx, inboxId, "failed", "no payment of this store matches");
      return "not_found";
    }
    const outcome = await syncPaymentInTx(tx, tenantId, payment.id, snapshot);
    await finish(tx, inboxId, outcome === "synced" ? "processed" : "failed", outcome === "synced" ? undefined : outcome);
    return outcome === "synced" ? "processed" : outcome;
  });
}

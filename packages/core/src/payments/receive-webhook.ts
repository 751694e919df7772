import { type Db, withTenant } from "@primestore/db";
import { type ProviderId, type WebhookNotification, type WebhookRequest, WebhookVerificationError } from "@primestore/payments";
import { z } from "zod";
import { recordEvent } from "../outbox/index.ts";
import type { PaymentGateway } from "./gateway.ts";

export type WebhookProvider = Exclude<ProviderId, "test">;

export interface WebhookReceipt {
  status: 200 | 400 | 401 | 404;
  /** What happened, for the response body and logs; never anything the caller didn't send. */
  outcome: "stored" | "duplicate" | "ignored" | WebhookVerificationError["reason"] | "unknown_provider";
}

const uuid = z.uuid();

/**
 * The store a verified notification belongs to: named by the event (our metadata, or the query
 * string we registered), else found from the payment or connected account it names. Read across
 * stores with the admin client, only to pick the scope the event is stored in.
 */
async function tenantOf(adminDb: Db, provider: WebhookProvider, notification: WebhookNotification): Promise<string | null> {
  if (notification.tenantId && uuid.safeParse(notification.tenantId).success) return notification.tenantId;
  if (notification.providerPaymentId) {
    const payment = await adminDb.payment.findFirst({ where: { provider, providerPaymentId: notification.providerPaymentId }, select: { tenantId: true } });
    if (payment) return payment.tenantId;
  }
  if (notification.accountId) {
    const account = await adminDb.paymentAccount.findFirst({ where: { provider, accountId: notification.accountId }, select: { tenantId: true } });
    if (account) return account.tenantId;
  }
  return null;
}

/**
 * A provider's webhook: verified as the provider documents (nothing is written otherwise), stored
 * in the store's inbox once per provider event, with an outbox event in the same transaction so
 * the worker processes it, then acknowledged. Processing is the worker's, not the request's:
 * providers want a fast 2xx and retry anything slower.
 */
export async function receiveWebhook(
  deps: { db: Db; adminDb: Db; gateway: PaymentGateway },
  provider: WebhookProvider,
  request: WebhookRequest,
): Promise<WebhookReceipt> {
  const verifier = deps.gateway.providers[provider];
  if (!verifier) return { status: 404, outcome: "unknown_provider" };
  let notification: WebhookNotification;
  try {
    notification = verifier.parseWebhook(request);
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return { status: error.reason === "malformed" ? 400 : 401, outcome: error.reason };
  }
  const tenantId = await tenantOf(deps.adminDb, provider, notification);
  // Not ours to act on (another integration's event, a store since deleted): acknowledged, so the
  // provider stops retrying, and dropped.
  if (!tenantId || !(await deps.adminDb.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) return { status: 200, outcome: "ignored" };

  const stored = await withTenant(deps.db, tenantId, async (tx) => {
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO inbox_events (id, "tenantId", provider, "eventId", type, payload)
      VALUES (gen_random_uuid(), ${tenantId}::uuid, ${provider}, ${notification.eventId}, ${notification.type}, ${JSON.stringify(notification)}::jsonb)
      ON CONFLICT ("tenantId", provider, "eventId") DO NOTHING
      RETURNING id`;
    const inboxId = inserted[0]?.id;
    if (inboxId) await recordEvent(tx, tenantId, "payments.webhook_received", { inboxId });
    return Boolean(inboxId);
  });
  return { status: 200, outcome: stored ? "stored" : "duplicate" };
}

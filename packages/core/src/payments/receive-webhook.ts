import type { Db } from "@primestore/db";
import { type ProviderId, type WebhookNotification, type WebhookRequest, WebhookVerificationError } from "@primestore/payments";
import { z } from "zod";
import { isForeignKeyViolation } from "../errors/index.ts";
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
 * in the store's inbox once per provider event, with an outbox event in the same statement
 * (`primestore_receive_webhook`) so the worker processes it, then acknowledged. Processing is the worker's, not the request's:
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
  // Not ours to act on (another integration's event): acknowledged, so the provider stops
  // retrying, and dropped.
  if (!tenantId) return { status: 200, outcome: "ignored" };
  const stored = await deps.db
    .$queryRaw<Array<{ stored: boolean }>>`
      SELECT primestore_receive_webhook(${tenantId}::uuid, ${provider}, ${notification.eventId}, ${notification.type}, ${JSON.stringify(notification)}::jsonb) AS stored`
    .then((rows) => rows[0]!.stored)
    .catch((error: unknown) => {
      // A store that no longer exists (or never did): the inbox's foreign key refuses it.
      if (isForeignKeyViolation(error)) return null;
      throw error;
    });
  if (stored === null) return { status: 200, outcome: "ignored" };
  return { status: 200, outcome: stored ? "stored" : "duplicate" };
}

import { expireOverduePayments } from "@primestore/core/orders";
import { type PaymentGateway, processWebhook, reconcileDay, refreshExpiringAccounts, retryPendingRefunds } from "@primestore/core/payments";
import type { Db } from "@primestore/db";
import type { QueueBackend } from "@primestore/jobs";

/** How often unpaid PIX, boleto and stuck card payments are looked at after their expiry. */
export const PAYMENT_EXPIRY_SWEEP_MS = 30_000;
/** Refunds left pending by a crash or an outage are asked about again after this long. */
const REFUND_RETRY_MS = 60_000;
const DAY_MS = 86_400_000;
/** Sellers' provider tokens expiring within a week are refreshed this often. */
const ACCOUNT_REFRESH_MS = 6 * 3600_000;

type Log = (message: string, extra?: Record<string, unknown>) => void;

/**
 * The `payments` queue: provider webhooks from the inbox (fetched and applied to our records),
 * and sweeps across stores: overdue payments expire, pending refunds are asked about again,
 * sellers' provider tokens are refreshed before they expire, and yesterday's payments are
 * reconciled with the providers. Any number of workers may run it:
 * every step is guarded or keyed per payment.
 */
export function startPaymentsProcessor(deps: { db: Db; adminDb: Db; gateway: PaymentGateway; queues: QueueBackend; log?: Log }) {
  return deps.queues.work(
    "payments",
    async (payload) => {
      switch (payload.type) {
        case "payments.webhook": {
          const outcome = await processWebhook(deps.db, deps.gateway, payload.tenantId, payload.inboxId);
          if (outcome !== "processed" && outcome !== "already_processed") deps.log?.("webhook not applied", { tenantId: payload.tenantId, inboxId: payload.inboxId, outcome });
          return;
        }
        case "payments.expire-overdue": {
          const { expired, failed } = await expireOverduePayments(deps.adminDb, deps.db);
          if (expired) deps.log?.("payments expired", { count: expired });
          for (const { paymentId, error } of failed) deps.log?.("payment expiry failed", { paymentId, error: String(error) });
          return;
        }
        case "payments.retry-refunds": {
          const { retried, failed } = await retryPendingRefunds(deps.adminDb, deps.db, deps.gateway, new Date(Date.now() - REFUND_RETRY_MS));
          if (retried) deps.log?.("pending refunds retried", { count: retried });
          for (const { refundId, error } of failed) deps.log?.("refund retry failed", { refundId, error: String(error) });
          return;
        }
        case "payments.refresh-accounts": {
          const { refreshed, failures } = await refreshExpiringAccounts(deps.adminDb, deps.db, deps.gateway);
          if (refreshed) deps.log?.("provider tokens refreshed", { count: refreshed });
          for (const failure of failures) deps.log?.("provider token refresh failed", failure);
          return;
        }
        case "payments.reconcile": {
          const { listingFailures, ...run } = await reconcileDay(deps.adminDb, deps.db, deps.gateway, new Date(Date.now() - DAY_MS));
          deps.log?.("payments reconciled", run);
          // A store's failed listing is also an issue on the staff page; the platform's has no store to go under.
          for (const failure of listingFailures) deps.log?.("provider payments not listed", failure);
          return;
        }
      }
    },
    { concurrency: 4 },
  );
}

/** One schedule per sweep however many workers start: BullMQ keys them by id. */
export async function schedulePaymentSweeps(queues: QueueBackend, everyMs = PAYMENT_EXPIRY_SWEEP_MS): Promise<void> {
  await queues.schedule("payments", "payments.expire-overdue", everyMs, { type: "payments.expire-overdue" });
  await queues.schedule("payments", "payments.retry-refunds", REFUND_RETRY_MS, { type: "payments.retry-refunds" });
  await queues.schedule("payments", "payments.refresh-accounts", ACCOUNT_REFRESH_MS, { type: "payments.refresh-accounts" });
  await queues.schedule("payments", "payments.reconcile", DAY_MS, { type: "payments.reconcile" });
}

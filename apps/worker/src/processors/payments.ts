import { expireOverduePayments } from "@primestore/core/orders";
import type { Db } from "@primestore/db";
import type { QueueBackend } from "@primestore/jobs";

/** How often unpaid PIX, boleto and stuck card payments are looked at after their expiry. */
export const PAYMENT_EXPIRY_SWEEP_MS = 30_000;

/**
 * The `payments` queue: expires pending payments past their expiry across stores (cancelling the
 * order and freeing its stock) through the same settlement webhooks use. Any number of workers
 * may run it: settlement is guarded per payment.
 */
export function startPaymentsProcessor(deps: { db: Db; adminDb: Db; queues: QueueBackend; log?: (message: string, extra?: Record<string, unknown>) => void }) {
  return deps.queues.work(
    "payments",
    async (payload) => {
      switch (payload.type) {
        case "payments.expire-overdue": {
          const { expired, failed } = await expireOverduePayments(deps.adminDb, deps.db);
          if (expired) deps.log?.("payments expired", { count: expired });
          for (const { paymentId, error } of failed) deps.log?.("payment expiry failed", { paymentId, error: String(error) });
          return;
        }
      }
    },
    { concurrency: 1 },
  );
}

/** One schedule however many workers start: BullMQ keys it by id. */
export function schedulePaymentExpirySweep(queues: QueueBackend, everyMs = PAYMENT_EXPIRY_SWEEP_MS): Promise<void> {
  return queues.schedule("payments", "payments.expire-overdue", everyMs, { type: "payments.expire-overdue" });
}

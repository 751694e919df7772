import { sendOrderPlacedEmail, type Mailer } from "@primestore/core/notifications";
import type { Db } from "@primestore/db";
import type { QueueBackend } from "@primestore/jobs";

/** The `notifications` queue: one handler per event type, each idempotent by its dedupe key. */
export function startNotificationsProcessor(deps: { db: Db; queues: QueueBackend; mailer: Mailer }) {
  return deps.queues.work("notifications", async (payload) => {
    switch (payload.type) {
      case "order.placed":
        await sendOrderPlacedEmail(deps.db, deps.mailer, payload.tenantId, payload.orderId);
        return;
    }
  });
}

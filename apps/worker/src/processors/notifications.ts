import { sendMemberInviteEmail, sendOrderPlacedEmail, sendPasswordResetEmail, sendUserPasswordResetEmail, type Mailer } from "@primestore/core/notifications";
import type { Db } from "@primestore/db";
import type { QueueBackend } from "@primestore/jobs";

/** The `notifications` queue: one handler per event type, each idempotent by its dedupe key. */
export function startNotificationsProcessor(deps: { db: Db; queues: QueueBackend; mailer: Mailer }) {
  return deps.queues.work("notifications", async (payload) => {
    switch (payload.type) {
      case "order.placed":
        await sendOrderPlacedEmail(deps.db, deps.mailer, payload.tenantId, payload.orderId);
        return;
      case "customer.password_reset_requested":
        await sendPasswordResetEmail(deps.db, deps.mailer, payload.tenantId, payload);
        return;
      case "user.password_reset_requested":
        await sendUserPasswordResetEmail(deps.db, deps.mailer, payload);
        return;
      case "member.invited":
        await sendMemberInviteEmail(deps.db, deps.mailer, payload.tenantId, payload);
        return;
    }
  });
}

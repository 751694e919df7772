import type { JobPayload, QueueName } from "./queues.ts";

export interface OutboxEventRow {
  id: string;
  /** Null for the platform's own events (`user.*`). */
  tenantId: string | null;
  type: string;
  payload: unknown;
}

export interface RoutedJob<Q extends QueueName = QueueName> {
  queue: Q;
  /** Deterministic: a re-published event maps to the same job, which the queue drops. */
  jobId: string;
  data: JobPayload<Q>;
}

type TenantJobFields = "tenantId" | "eventId";

/** The one job an event feeds on `queue`, keyed by the event, with the event's tenant and id. */
function jobFor<Q extends QueueName>(queue: Q, event: OutboxEventRow, data: DistributiveOmit<JobPayload<Q>, TenantJobFields>): RoutedJob[] {
  // A store's event type with no store is a bug upstream: route it nowhere rather than guess.
  if (!event.tenantId) return [];
  return [{ queue, jobId: `${event.id}-${queue}`, data: { ...data, tenantId: event.tenantId, eventId: event.id } as JobPayload<Q> }];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Which queues an outbox event feeds. Unknown types route nowhere (and are marked published). */
export function routeOutboxEvent(event: OutboxEventRow): RoutedJob[] {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case "order.placed":
      return jobFor("notifications", event, { type: "order.placed", orderId: String(payload.orderId) });
    case "customer.password_reset_requested":
      return jobFor("notifications", event, {
        type: "customer.password_reset_requested",
        customerId: String(payload.customerId),
        locale: String(payload.locale),
        origin: String(payload.origin),
      });
    case "user.password_reset_requested":
      return [
        {
          queue: "notifications",
          jobId: `${event.id}-notifications`,
          data: { type: "user.password_reset_requested", eventId: event.id, userId: String(payload.userId), locale: String(payload.locale), origin: String(payload.origin) },
        },
      ];
    case "member.invited":
      return jobFor("notifications", event, { type: "member.invited", inviteId: String(payload.inviteId), locale: String(payload.locale), origin: String(payload.origin) });
    case "payments.webhook_received":
      return jobFor("payments", event, { type: "payments.webhook", inboxId: String(payload.inboxId) });
    case "payout.opened":
      return jobFor("payouts", event, { type: "payouts.execute", payoutId: String(payload.payoutId) });
    default:
      return [];
  }
}

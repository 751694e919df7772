import type { JobPayload, QueueName } from "./queues.ts";

export interface OutboxEventRow {
  id: string;
  tenantId: string;
  type: string;
  payload: unknown;
}

export interface RoutedJob<Q extends QueueName = QueueName> {
  queue: Q;
  /** Deterministic: a re-published event maps to the same job, which the queue drops. */
  jobId: string;
  data: JobPayload<Q>;
}

/** Which queues an outbox event feeds. Unknown types route nowhere (and are marked published). */
export function routeOutboxEvent(event: OutboxEventRow): RoutedJob[] {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case "order.placed":
      return [
        {
          queue: "notifications",
          jobId: `${event.id}-notifications`,
          data: { type: "order.placed", tenantId: event.tenantId, eventId: event.id, orderId: String(payload.orderId) },
        },
      ];
    case "customer.password_reset_requested":
      return [
        {
          queue: "notifications",
          jobId: `${event.id}-notifications`,
          data: {
            type: "customer.password_reset_requested",
            tenantId: event.tenantId,
            eventId: event.id,
            customerId: String(payload.customerId),
            locale: String(payload.locale),
            origin: String(payload.origin),
          },
        },
      ];
    case "payments.webhook_received":
      return [
        {
          queue: "payments",
          jobId: `${event.id}-payments`,
          data: { type: "payments.webhook", tenantId: event.tenantId, eventId: event.id, inboxId: String(payload.inboxId) },
        },
      ];
    case "payout.opened":
      return [
        {
          queue: "payouts",
          jobId: `${event.id}-payouts`,
          data: { type: "payouts.execute", tenantId: event.tenantId, eventId: event.id, payoutId: String(payload.payoutId) },
        },
      ];
    default:
      return [];
  }
}

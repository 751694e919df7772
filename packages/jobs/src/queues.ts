import { z } from "zod";

const uuid = z.uuid();

/** Every job names its tenant: fairness, logs and row-level security all key on it. */
const tenantJob = z.object({ tenantId: uuid, eventId: uuid });

export const queues = {
  notifications: z.discriminatedUnion("type", [
    tenantJob.extend({ type: z.literal("order.placed"), orderId: uuid }),
    /** The worker mints the reset token: no table or job ever holds a usable link (decision 009). */
    tenantJob.extend({ type: z.literal("customer.password_reset_requested"), customerId: uuid, locale: z.string().min(2).max(10), origin: z.url() }),
    /** A portal user's reset link: the platform's own event, of no store (the one notification without a tenant). */
    z.object({ type: z.literal("user.password_reset_requested"), eventId: uuid, userId: uuid, locale: z.string().min(2).max(10), origin: z.url() }),
    /** The worker mints the invitation's token too: the link exists only in the email. */
    tenantJob.extend({ type: z.literal("member.invited"), inviteId: uuid, locale: z.string().min(2).max(10), origin: z.url() }),
  ]),
  /**
   * Scheduled sweeps over every store (the one exception to tenant-named jobs): the processor reads
   * with the admin client and settles each row under its own store's scope.
   */
  payments: z.discriminatedUnion("type", [
    z.object({ type: z.literal("payments.expire-overdue") }),
    z.object({ type: z.literal("payments.retry-refunds") }),
    /** Sellers' provider tokens close to expiry, refreshed ahead of it. */
    z.object({ type: z.literal("payments.refresh-accounts") }),
    /** Yesterday's payments (UTC) against their providers' records. */
    z.object({ type: z.literal("payments.reconcile") }),
    /** A verified provider webhook stored in the store's inbox, to fetch and apply. */
    tenantJob.extend({ type: z.literal("payments.webhook"), inboxId: uuid }),
  ]),
  payouts: z.discriminatedUnion("type", [
    /** Opens the day's scheduled payouts across stores (the processor reads with the admin client). */
    z.object({ type: z.literal("payouts.open-due") }),
    /** Executes payouts a crash or an outage left open. */
    z.object({ type: z.literal("payouts.resume") }),
    tenantJob.extend({ type: z.literal("payouts.execute"), payoutId: uuid }),
  ]),
} as const;

export type QueueName = keyof typeof queues;
export type JobPayload<Q extends QueueName> = z.infer<(typeof queues)[Q]>;

export const queueNames = Object.keys(queues) as QueueName[];

export function parseJobPayload<Q extends QueueName>(queue: Q, data: unknown): JobPayload<Q> {
  return queues[queue].parse(data) as JobPayload<Q>;
}

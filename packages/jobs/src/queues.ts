import { z } from "zod";

const uuid = z.uuid();

/** Every job names its tenant: fairness, logs and row-level security all key on it. */
const tenantJob = z.object({ tenantId: uuid, eventId: uuid });

export const queues = {
  notifications: z.discriminatedUnion("type", [
    tenantJob.extend({ type: z.literal("order.placed"), orderId: uuid }),
  ]),
} as const;

export type QueueName = keyof typeof queues;
export type JobPayload<Q extends QueueName> = z.infer<(typeof queues)[Q]>;

export const queueNames = Object.keys(queues) as QueueName[];

export function parseJobPayload<Q extends QueueName>(queue: Q, data: unknown): JobPayload<Q> {
  return queues[queue].parse(data) as JobPayload<Q>;
}

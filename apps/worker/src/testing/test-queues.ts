import { randomUUID } from "node:crypto";
import { createQueueBackend, type QueueBackend } from "@primestore/jobs";

/**
 * Queues on the test database (or on Redis, given its URL) under a prefix of their own, so jobs
 * left by one test never reach another's workers.
 */
export function testQueues(databaseUrl: string, redisUrl?: string): QueueBackend {
  return createQueueBackend({ databaseUrl, redisUrl, prefix: `t${randomUUID().slice(0, 8)}` });
}

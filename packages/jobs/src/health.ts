import { Redis } from "ioredis";
import pg from "pg";

export const QUEUE_SCHEMA = "bullmq";

export interface QueueHealth {
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Readiness of the queue backend without loading BullMQ: the web apps only publish through the
 * outbox, so they need to know the backend answers, not to speak its protocol.
 */
export function createQueueHealth(config: { redisUrl?: string; databaseUrl: string }): QueueHealth {
  if (config.redisUrl) {
    const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on("error", () => {});
    return {
      async ping() {
        if (redis.status === "wait" || redis.status === "end") await redis.connect();
        await redis.ping();
      },
      async close() {
        redis.disconnect();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 1 });
  pool.on("error", () => {});
  return {
    async ping() {
      // BullMQ's ledger table: absent means prepareQueueStorage never ran and workers can't start.
      await pool.query(`SELECT 1 FROM ${QUEUE_SCHEMA}.migration LIMIT 1`);
    },
    close: () => pool.end(),
  };
}

import type { Db } from "@primestore/db";
import { routeOutboxEvent, type OutboxEventRow, type QueueBackend } from "@primestore/jobs";

export interface OutboxRelayOptions {
  /** BYPASSRLS: the relay is a cross-tenant scheduler and must see every tenant's events. */
  adminDb: Db;
  queues: QueueBackend;
  batchSize?: number;
  idleDelayMs?: number;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}

/**
 * Moves committed outbox events into the queues. Events are claimed with SKIP LOCKED (several
 * workers share the load), enqueued under deterministic job ids, then marked published in the
 * same transaction; a crash anywhere republishes, and consumers are idempotent.
 */
export function createOutboxRelay(options: OutboxRelayOptions) {
  const batchSize = options.batchSize ?? 100;
  const idleDelayMs = options.idleDelayMs ?? 250;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function relayBatch(): Promise<number> {
    return options.adminDb.$transaction(async (tx) => {
      const events = await tx.$queryRaw<OutboxEventRow[]>`
        SELECT id, "tenantId", type, payload FROM outbox_events
        WHERE "publishedAt" IS NULL
        ORDER BY "createdAt" LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      for (const event of events) {
        for (const job of routeOutboxEvent(event)) await options.queues.enqueue(job.queue, job.data, { jobId: job.jobId });
      }
      if (events.length) {
        await tx.outboxEvent.updateMany({
          where: { id: { in: events.map((event) => event.id) } },
          data: { publishedAt: new Date(), attempts: { increment: 1 } },
        });
      }
      return events.length;
    });
  }

  async function run(): Promise<void> {
    while (running) {
      let relayed = 0;
      try {
        relayed = await relayBatch();
        if (relayed) options.log?.("outbox relayed", { events: relayed });
      } catch (error) {
        options.log?.("outbox relay failed; retrying", { error: String(error) });
      }
      if (relayed < batchSize && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, idleDelayMs);
        });
      }
    }
  }

  return {
    relayBatch,
    start() {
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

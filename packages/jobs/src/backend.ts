import { Queue, Worker, createPostgresBackend, runMigrations, withBackend, type Job } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { QUEUE_SCHEMA } from "./health.ts";
import { parseJobPayload, queues, type JobPayload, type QueueName } from "./queues.ts";


export interface QueueBackendConfig {
  /** Set: BullMQ on Redis. Unset: BullMQ's PostgreSQL backend on `databaseUrl`. */
  redisUrl?: string;
  databaseUrl: string;
  /** Isolates tests sharing one Redis or schema. */
  prefix?: string;
}

export interface EnqueueOptions {
  jobId: string;
  delayMs?: number;
}

export type JobHandler<Q extends QueueName> = (payload: JobPayload<Q>, job: Job) => Promise<void>;

export interface QueueBackend {
  readonly kind: "redis" | "postgres";
  enqueue<Q extends QueueName>(queue: Q, data: JobPayload<Q>, options: EnqueueOptions): Promise<void>;
  work<Q extends QueueName>(queue: Q, handler: JobHandler<Q>, options?: { concurrency?: number }): Worker;
  /** Runs `data` every `everyMs`; one schedule per id however many workers call it (BullMQ job schedulers). */
  schedule<Q extends QueueName>(queue: Q, schedulerId: string, everyMs: number, data: JobPayload<Q>): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const jobDefaults = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function createQueueBackend(config: QueueBackendConfig): QueueBackend {
  const prefix = config.prefix ?? "primestore";
  const producers = new Map<QueueName, Queue>();
  const workers: Worker[] = [];
  const closers: Array<() => Promise<unknown>> = [];

  let makeQueue: (name: QueueName) => Queue;
  let makeWorker: (name: QueueName, processor: (job: Job) => Promise<void>, concurrency: number) => Worker;
  let ping: () => Promise<void>;

  if (config.redisUrl) {
    // Workers block on Redis: ioredis must never give up on a command (BullMQ requirement).
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    // Reconnects are ioredis's job; readiness probes report the outage, so don't crash on it.
    connection.on("error", () => {});
    // QUIT waits for a reply that never comes from a server that is down.
    closers.push(async () => (connection.status === "ready" ? connection.quit() : connection.disconnect()));
    makeQueue = (name) => new Queue(name, { connection, prefix });
    makeWorker = (name, processor, concurrency) =>
      new Worker(name, processor, { connection: connection.duplicate(), prefix, concurrency });
    ping = async () => {
      await connection.ping();
    };
  } else {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 5 });
    closers.push(() => pool.end());
    const postgres = withBackend(createPostgresBackend);
    const connection = { connectionString: config.databaseUrl, schema: QUEUE_SCHEMA, skipMigrations: true, max: 5 };
    makeQueue = (name) => new postgres.Queue(`${prefix}.${name}`, { connection }) as unknown as Queue;
    makeWorker = (name, processor, concurrency) =>
      new postgres.Worker(`${prefix}.${name}`, processor, { connection, concurrency }) as unknown as Worker;
    ping = async () => {
      await pool.query("SELECT 1");
    };
  }

  function producer(name: QueueName): Queue {
    let queue = producers.get(name);
    if (!queue) {
      queue = makeQueue(name);
      producers.set(name, queue);
    }
    return queue;
  }

  return {
    kind: config.redisUrl ? "redis" : "postgres",
    async enqueue(queue, data, options) {
      const payload = queues[queue].parse(data);
      await producer(queue).add(payload.type, payload, { ...jobDefaults, jobId: options.jobId, delay: options.delayMs });
    },
    async schedule(queue, schedulerId, everyMs, data) {
      const payload = queues[queue].parse(data);
      await producer(queue).upsertJobScheduler(schedulerId, { every: everyMs }, { name: payload.type, data: payload, opts: { removeOnComplete: true, removeOnFail: 100 } });
    },
    work(queue, handler, options = {}) {
      const worker = makeWorker(queue, (job) => handler(parseJobPayload(queue, job.data), job), options.concurrency ?? 4);
      workers.push(worker);
      return worker;
    },
    ping: () => ping(),
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...producers.values()].map((queue) => queue.close()));
      for (const close of closers) await close();
    },
  };
}

/**
 * Creates BullMQ's PostgreSQL tables (as the schema owner) and lets the app roles use them;
 * the apps then connect with `skipMigrations`. A no-op for Redis deployments.
 */
export async function prepareQueueStorage(ownerUrl: string, roles: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await runMigrations(client, QUEUE_SCHEMA);
    for (const role of roles) {
      const name = client.escapeIdentifier(role);
      await client.query(`GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${name}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${name}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${name}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO ${name}`);
    }
  } finally {
    await client.end();
  }
}

import { join, resolve } from "node:path";
import { databaseUrls, env } from "@primestore/config";
import { createFileMailer } from "@primestore/core/notifications";
import { paymentGatewayFromEnv } from "@primestore/core/payments";
import { createDbClient } from "@primestore/db";
import { createQueueBackend } from "@primestore/jobs";
import { createOutboxRelay } from "./outbox-relay.ts";
import { startNotificationsProcessor } from "./processors/notifications.ts";
import { schedulePaymentSweeps, startPaymentsProcessor } from "./processors/payments.ts";
import { schedulePayouts, startPayoutsProcessor } from "./processors/payouts.ts";

const log = (message: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: "info", service: "worker", message, ...extra }));

const config = env();
const urls = databaseUrls(config);
const db = createDbClient(urls.app, { poolSize: config.DATABASE_POOL_SIZE, applicationName: "primestore-worker" });
const adminDb = createDbClient(urls.admin, { poolSize: 2, applicationName: "primestore-worker-relay" });
const queues = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: urls.app });
const mailDir = resolve(config.MAIL_DIR ?? join(config.DATA_DIR, "mail"));
const mailer = createFileMailer(mailDir);
const gateway = paymentGatewayFromEnv(config);

const relay = createOutboxRelay({ adminDb, queues, log });
const workers = [
  startNotificationsProcessor({ db, queues, mailer }),
  startPaymentsProcessor({ db, adminDb, gateway, queues, log }),
  startPayoutsProcessor({ db, adminDb, gateway, queues, resumeEveryMs: config.PAYOUTS_RESUME_MS, log }),
];
for (const worker of workers) worker.on("failed", (job, error) => log("job failed", { queue: worker.name, jobId: job?.id, error: error.message }));
relay.start();
await schedulePaymentSweeps(queues);
await schedulePayouts(queues, config.PAYOUTS_RESUME_MS);
log("worker started", { queues: queues.kind, mailDir });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log("worker stopping", { signal });
  // Stop taking work, let running jobs finish, then close connections.
  await relay.stop();
  await queues.close();
  await Promise.all([db.$disconnect(), adminDb.$disconnect()]);
  log("worker stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

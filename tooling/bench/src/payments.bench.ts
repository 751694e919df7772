// The payments issue's targets, each printed beside a baseline measured in the same run:
//
// 1. Webhook acknowledgement: p99 under 50 ms at 200 notifications/s. Distinct, pre-signed Stripe
//    `payment_intent.succeeded` events (and Mercado Pago notifications) to `POST /webhooks/:provider`:
//    signature verified, tenant found, one inbox row + one outbox row in one transaction, 200.
//    Baseline: the bare tRPC procedure (same process, adapter and transformer, no database).
// 2. Checkout with the test provider: at least 300/s with p99 under 100 ms. `orders.place`, buy
//    now, one unit of one demo variant by card (approved at once), at 300/s, and closed loop with
//    1 and 8 callers for its capacity. Baseline: pgbench's TPC-B-like transaction on the same
//    server with 8 clients, so "checkouts per TPC-B transaction" compares the checkout's capacity
//    at 8 callers with the database's raw write capacity at 8 clients.
// A third table samples pg_stat_activity: where the API's database sessions spend each run.
//
// What one checkout does: 3 SQL statements, each its own transaction (docs/decisions/019;
// payments-cost.ts counts them):
//   1. primestore_checkout_basis (read): an order under this idempotency key, checkout settings,
//      commission, active provider accounts, the variant with its price, the shipping rate
//   (the API prices, checks and plans the order)
//   2. primestore_place_order: tenant_counters (order number), orders, fulfillment_groups,
//      order_lines, order_addresses, order_status_changes (pending_payment), payments (pending),
//      then inventory_levels (reserved += 1) and inventory_reservations
//   (the test provider answers in process: approved)
//   3. primestore_settle_paid: payments (locked, then paid), ledger_transactions, ledger_accounts
//      (insert or nothing), ledger_entries (3 rows; a trigger checks they balance), payments
//      (captured amount, commission), orders (paid), order_status_changes (paid), outbox_events
//      (order.paid, order.placed), then inventory_levels (onHand and reserved -= 1) and
//      inventory_reservations (committed)
// Every checkout of one variant takes the same two rows: the store's order counter (for all of
// statement 2) and the variant's inventory_levels row (at the end of statements 2 and 3), each
// held until its statement commits, so checkouts of one store, and more so of one variant, queue
// on them.
//
// Self-contained: a fresh test database with the demo stores (no apps or worker: nothing drains
// the outbox while it runs), the API in its own process, the fake Stripe and Mercado Pago servers
// for the providers' API URLs, a scratch database for pgbench, all removed at the end.
// Run: pnpm --filter @primestore/bench bench:payments   (BENCH_SECONDS, default 10 per scenario;
// BENCH_API_CPU_PROF=<dir> writes a CPU profile of the API process there).
import { execFile, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@primestore/e2e/platform";
import pg from "pg";
import { type PreparedRequest, printErrors, type RunResult, run } from "./open-loop.ts";
import { analyze, paid, startPaymentsFixture, stored } from "./payments-fixture.ts";
import { type SessionState, sampleSessions } from "./sessions.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const WEBHOOK_RATE = 200;
const CHECKOUT_RATE = 300;
/** pgbench's clients, and the checkout's callers in the capacity run. */
const CLIENTS = 8;
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const serverUrl = process.env.TEST_DATABASE_URL;
const execFileAsync = promisify(execFile);
/** The API process's application_name in pg_stat_activity (its admin pool adds `-admin`). */
const API_NAME = "bench";
type Measured = RunResult & { sessions: Record<SessionState, number> };
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A checkpoint before each measurement, so none lands in the middle of one by chance. */
const checkpoint = () => onServer(serverUrl, (client) => client.query("CHECKPOINT"));

/** pgbench TPC-B-like on a scratch database of the same server: `-c 8 -j 2 -T <seconds> -M prepared`. */
async function pgbenchTpcB(seconds: number): Promise<{ tps: number; latencyMs: number }> {
  const name = `primestore_pgbench_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  try {
    await execFileAsync("pgbench", ["-i", "-s", "10", "-q", url.toString()]);
    await checkpoint();
    const { stdout } = await execFileAsync("pgbench", ["-c", String(CLIENTS), "-j", "2", "-T", String(seconds), "-M", "prepared", url.toString()]);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
    if (!tps || !latency) throw new Error(`unexpected pgbench output:\n${stdout}`);
    return { tps: Number(tps), latencyMs: Number(latency) };
  } finally {
    await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

const started = Date.now();
/** Load average and, where the kernel reports it, CPU pressure (share of time something waited for a CPU). */
const load = () => {
  const pressure = existsSync("/proc/pressure/cpu") ? /avg10=([\d.]+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"))?.[1] : undefined;
  return `load average ${loadavg().map((value) => value.toFixed(1)).join(" ")}${pressure ? `, CPU pressure ${pressure}% (avg10)` : ""}`;
};
console.log(`${cpus().length} CPUs, ${load()} at the start`);
const fixture = await startPaymentsFixture();
const apiPort = await freePort();
const cpuProfileDir = process.env.BENCH_API_CPU_PROF;
const apiLog: string[] = [];
let api: ReturnType<typeof fork> | undefined;
try {
  api = fork(join(import.meta.dirname, "api-server.ts"), [], {
    // Its output is summarised at the end: under overload every failed request logs a stack.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    execArgv: ["--import", "tsx", ...(cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [])],
    // A limit sized to the checkout (about 140 ms of its work at ~230/s): past it the API sheds
    // with 503 rather than queue (docs/decisions/020), so an overload shows as refusals, not a
    // tail of seconds.
    env: { ...process.env, ...fixture.env, PORT: String(apiPort), WEB_MAX_IN_FLIGHT: "32" },
  });
  for (const stream of [api.stdout, api.stderr]) stream?.on("data", (chunk: Buffer) => apiLog.push(chunk.toString("utf8")));
  await Promise.race([
    once(api, "message"),
    once(api, "exit").then(([code]) => {
      throw new Error(`the API process exited with ${code}`);
    }),
  ]);
  const origin = `http://127.0.0.1:${apiPort}`;

  /** Warm-up (JIT, pools, caches) at the same load, then the measurement, after a checkpoint. */
  async function scenario(
    name: string,
    load: { rate: number } | { concurrency: number },
    prepare: (count: number) => PreparedRequest[] | ((i: number) => PreparedRequest),
    ok?: (status: number, body: string) => boolean,
  ): Promise<Measured> {
    const requestsFor = (seconds: number) => {
      // Open loop: exactly rate x seconds requests, made (and signed) before the clock starts.
      const prepared = prepare("rate" in load ? Math.round(load.rate * seconds) : 0);
      return Array.isArray(prepared) ? (i: number) => prepared[i]! : prepared;
    };
    await run({ name, origin, seconds: WARMUP_SECONDS, request: requestsFor(WARMUP_SECONDS), ok, ...load });
    await checkpoint();
    const sampler = await sampleSessions(serverUrl, [API_NAME, `${API_NAME}-admin`]);
    const result = await run({ name, origin, seconds: SECONDS, request: requestsFor(SECONDS), ok, ...load });
    return { ...result, sessions: await sampler.stop() };
  }

  // The API's database paths (Prisma's query compiler, the pg driver) reach full speed only after
  // many calls; 2 s at a rate the server may not keep up with is not enough on a busy machine,
  // and the first scenario paid for it. So every path gets closed-loop calls first.
  const webhookWarmUp = (i: number) => (i % 2 ? fixture.stripeEvents(1) : fixture.mercadoPagoEvents(1))[0]!;
  await run({ name: "warm-up", origin, seconds: 4, concurrency: 4, request: webhookWarmUp });
  await run({ name: "warm-up", origin, seconds: 4, concurrency: 4, request: fixture.checkout });
  await analyze(fixture.database.ownerUrl);

  const webhook = {
    baseline: await scenario("bare tRPC procedure (baseline)", { rate: WEBHOOK_RATE }, () => fixture.ping),
    stripe: await scenario("Stripe webhook, distinct signed events", { rate: WEBHOOK_RATE }, fixture.stripeEvents, stored),
    mercadopago: await scenario("Mercado Pago webhook, distinct signed events", { rate: WEBHOOK_RATE }, fixture.mercadoPagoEvents, stored),
  };
  const checkouts = {
    serial: await scenario("orders.place, 1 caller (closed loop)", { concurrency: 1 }, () => fixture.checkout, paid),
    capacity: await scenario(`orders.place, ${CLIENTS} callers (closed loop)`, { concurrency: CLIENTS }, () => fixture.checkout, paid),
    target: await scenario(`orders.place at ${CHECKOUT_RATE}/s (open loop)`, { rate: CHECKOUT_RATE }, (count) => Array.from({ length: count }, fixture.checkout), paid),
  };
  const ordersPlaced = await fixture.database.admin.order.count({ where: { status: "paid" } });
  // Requests the generator gave up on may still be running in the API: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await checkpoint();
  const tpcb = await pgbenchTpcB(SECONDS);

  const pass = (ok: boolean) => (ok ? "yes" : "NO");
  const latencies = (r: Measured) => ({ "achieved rps": r.achievedRps, "p50 ms": round(r.p50), "p95 ms": round(r.p95), "p99 ms": round(r.p99) });
  console.log(`\nWebhook acknowledgement at ${WEBHOOK_RATE}/s, fixed arrival rate (latency counted from each request's due time), ${SECONDS} s each; target p99 < 50 ms\n`);
  console.table(
    Object.values(webhook).map((r) => ({
      scenario: r.name,
      "target rps": r.targetRps,
      ...latencies(r),
      "p99 / baseline": round(r.p99 / webhook.baseline.p99),
      errors: r.errors,
      "meets target": r === webhook.baseline ? "-" : pass(r.p99 < 50 && r.errors === 0 && r.achievedRps >= 0.98 * WEBHOOK_RATE),
    })),
  );
  console.log(`\nCheckout (order + reservation + payment + ledger + outbox), test provider, one variant, ${SECONDS} s each; target >= ${CHECKOUT_RATE}/s with p99 < 100 ms\n`);
  console.table([
    {
      scenario: `pgbench TPC-B-like, ${CLIENTS} clients (baseline)`,
      "target rps": "-",
      "achieved rps": round(tpcb.tps, 0),
      "p50 ms": "-",
      "p95 ms": "-",
      "p99 ms": "-",
      "avg ms": tpcb.latencyMs,
      errors: 0,
      "checkouts per TPC-B txn": "-",
      "meets target": "-",
    },
    ...Object.values(checkouts).map((r) => ({
      scenario: r.name,
      "target rps": Number.isNaN(r.targetRps) ? "max" : r.targetRps,
      ...latencies(r),
      "avg ms": "-",
      errors: r.errors,
      "checkouts per TPC-B txn": round(r.achievedRps / tpcb.tps, 3),
      "meets target": pass(r.achievedRps >= 0.98 * CHECKOUT_RATE && r.p99 < 100 && r.errors === 0),
    })),
  ]);
  const all = [...Object.values(webhook), ...Object.values(checkouts)];
  console.log(`\nThe API's database sessions (pool of 10, + 2 admin) during each measurement: average count in each state\n`);
  console.table(all.map((r) => ({ scenario: r.name, ...r.sessions })));
  printErrors(all);
  // What the API process logged (a line per request it failed), by kind.
  const logged = new Map<string, number>();
  for (const line of apiLog.join("").split("\n")) {
    const kind = /^\[(?:trpc|api-server)\].*/.exec(line)?.[0].slice(0, 160);
    if (kind) logged.set(kind, (logged.get(kind) ?? 0) + 1);
  }
  for (const [kind, count] of logged) console.log(`API logged ${count}x: ${kind}`);
  const lag = Math.max(...all.map((r) => r.maxSendLagMs));
  console.log(`${ordersPlaced} orders paid in all; the generator's worst send lag ${lag} ms; ${load()} at the end; ${Math.round((Date.now() - started) / 1000)} s in all`);
} catch (error) {
  console.error(`API process output, last lines:\n${apiLog.join("").slice(-4000)}`);
  throw error;
} finally {
  if (api && api.exitCode === null) {
    api.kill("SIGTERM");
    await Promise.race([once(api, "exit"), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await fixture.stop();
}

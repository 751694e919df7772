// What one webhook and one checkout cost, one at a time (no concurrency, so no queueing or lock
// waits): wall time, the API code's CPU time, SQL statements sent, and PostgreSQL's time, beside
// the bare tRPC procedure. CPU per operation is steadier than latency on a shared machine, and
// bounds throughput twice: one API process is one event loop, so at most 1 s / API CPU per
// second; and 2 cores shared by the API and PostgreSQL do at most 2 s / (API CPU + PostgreSQL).
// (The process's CPU includes its GC and I/O threads, so the first bound is a little pessimistic.)
// Run: pnpm --filter @primestore/bench bench:payments:cost   (BENCH_OPERATIONS, BENCH_ONLY)
import { performance } from "node:perf_hooks";
import { initTRPC } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import pg from "pg";
import superjson from "superjson";
import type { PreparedRequest } from "./open-loop.ts";
import { paid, startPaymentsFixture, stored } from "./payments-fixture.ts";

const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 300);
/** Only the operations whose name matches (e.g. `checkout`), to profile one: `node --cpu-prof --import tsx ...`. */
const ONLY = new RegExp(process.env.BENCH_ONLY ?? "", "i");

// Every statement the API's pools send (Prisma's pg adapter and BEGIN/COMMIT included) goes through here.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
  statements++;
  return query.apply(this, args);
} as typeof query;

const fixture = await startPaymentsFixture();
Object.assign(process.env, fixture.env);
// Imported once the environment is set: the API reads it on first use.
const { createApiDeps, createTrpcHandler, handleWebhook } = await import("@primestore/api");
const t = initTRPC.create({ transformer: superjson });
const bareRouter = t.router({ ping: t.procedure.query(() => ({ ok: true })) });

/** The API as api-server.ts routes it, on its own connection pools. */
function startApi() {
  const deps = createApiDeps("bench-cost");
  const storefront = createTrpcHandler(deps, "storefront");
  return {
    handle(prepared: PreparedRequest): Promise<Response> {
      const request = new Request(`http://${prepared.headers.host}${prepared.path}`, { method: prepared.method, headers: prepared.headers, body: prepared.body });
      if (prepared.path.startsWith("/bare/")) return fetchRequestHandler({ endpoint: "/bare/trpc", req: request, router: bareRouter, createContext: () => ({}) });
      const webhook = /^\/webhooks\/([^/?]+)/.exec(prepared.path);
      return webhook ? handleWebhook(deps, webhook[1], request) : storefront(request);
    },
    /** Closing the pools ends their server sessions, which report their statistics as they end. */
    async stop() {
      await Promise.all([deps.db.$disconnect(), deps.adminDb.$disconnect()]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}

/** PostgreSQL's own accounting for the database (pg_stat_database): time in statements, commits. */
async function databaseStats() {
  const client = new pg.Client({ connectionString: fixture.database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ active: number; commits: string }>(
      "SELECT active_time AS active, xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()",
    );
    return { activeMs: Number(rows[0]!.active), commits: Number(rows[0]!.commits) };
  } finally {
    await client.end();
  }
}

try {
  async function measure(name: string, requests: (count: number) => PreparedRequest[], ok: (status: number, body: string) => boolean) {
    const warmUp = startApi();
    for (const prepared of requests(50)) await warmUp.handle(prepared); // JIT, caches
    await warmUp.stop();
    const prepared = requests(OPERATIONS);
    const before = await databaseStats();
    const api = startApi();
    const sent = statements;
    const cpu = process.cpuUsage();
    const started = performance.now();
    let failures = 0;
    for (const request of prepared) {
      const response = await api.handle(request);
      if (!ok(response.status, await response.text())) failures++;
    }
    const wallUs = ((performance.now() - started) * 1000) / OPERATIONS;
    const used = process.cpuUsage(cpu);
    const statementsPerOp = (statements - sent) / OPERATIONS;
    await api.stop();
    const after = await databaseStats();
    return {
      operation: name,
      "wall µs": Math.round(wallUs),
      "API CPU µs": Math.round((used.user + used.system) / OPERATIONS),
      "SQL statements": Math.round(statementsPerOp * 10) / 10,
      commits: Math.round(((after.commits - before.commits) / OPERATIONS) * 10) / 10,
      "PostgreSQL µs": Math.round(((after.activeMs - before.activeMs) * 1000) / OPERATIONS),
      failures,
    };
  }

  const operations: Array<[string, (count: number) => PreparedRequest[], (status: number, body: string) => boolean]> = [
    ["bare tRPC procedure (baseline)", (count) => Array.from({ length: count }, fixture.ping), (status) => status === 200],
    ["Stripe webhook", fixture.stripeEvents, stored],
    ["Mercado Pago webhook", fixture.mercadoPagoEvents, stored],
    ["checkout (orders.place, card, test provider)", (count) => Array.from({ length: count }, fixture.checkout), paid],
  ];
  const rows = [];
  for (const [name, requests, ok] of operations) if (ONLY.test(name)) rows.push(await measure(name, requests, ok));
  const baseline = rows[0]!["API CPU µs"];
  console.log(`\n${OPERATIONS} operations each, one at a time, API in this process\n`);
  console.table(
    rows.map((row) => ({
      ...row,
      "CPU / baseline": Math.round((row["API CPU µs"] / baseline) * 10) / 10,
      "ceiling /s, one API process": Math.round(1e6 / row["API CPU µs"]),
      "ceiling /s, 2 cores": Math.round(2e6 / (row["API CPU µs"] + row["PostgreSQL µs"])),
    })),
  );
} finally {
  await fixture.stop();
}

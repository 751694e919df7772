import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_DB_ROLE, APP_DB_ROLE, parseEnv } from "@primestore/config";
import { postTransaction, tenantBalances, trialBalance, unbalancedTransactions } from "@primestore/core/ledger";
import { connectReturnUrl, finishConnect, openPayout, type PaymentGateway, paymentGatewayFromEnv, startConnect } from "@primestore/core/payments";
import { seedDemoData } from "@primestore/core/seed";
import { withTenant } from "@primestore/db";
import { createTestDatabase, TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD, type TestDatabase } from "@primestore/db/testing";
import { prepareQueueStorage } from "@primestore/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The worker package doesn't depend on @primestore/payments (its `testing/stripe` export is this file).
import { type FakeStripe, startFakeStripe } from "../../../packages/payments/src/stripe/testing/fake-stripe.ts";
import { waitFor } from "./testing/wait-for.ts";

/**
 * The payments issue's crash test: the real worker (a child process, `src/main.ts`) pays 1,000
 * payouts through Stripe (the stateful fake, behind a slow link) while it is SIGKILLed at random
 * moments and restarted. Whatever a kill interrupts (the outbox relay, a claim, a transfer in
 * flight, the answer on its way back, the outcome's commit), each payout must end `paid` by
 * exactly one Stripe transfer, and the ledger must balance.
 */

const PAYOUTS = 1_000;
/** Beyond the demo stores, so payouts run for many stores at once. */
const EXTRA_STORES = 7;
const MIN_KILLS = 5;
/** Opened per transaction while setting up. */
const OPEN_BATCH = 25;
/**
 * Stripe's answers take this long to come back (ms): 1,000 transfers then take well over the
 * kill rounds' time, and most kills land with transfers made at Stripe whose answers are lost.
 */
const stripeLatencyMs = () => 20 + Math.random() * 60;

const workerDir = join(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Store {
  id: string;
  slug: string;
  stripeAccount: string;
}

interface ExpectedPayout {
  tenantId: string;
  amount: bigint;
  stripeAccount: string;
}

let database: TestDatabase;
let fake: FakeStripe;
let proxy: Server;
let mailDir: string;
let workerEnv: Record<string, string>;
const stores: Store[] = [];
const expected = new Map<string, ExpectedPayout>();
const children = new Set<ChildProcess>();

/** SIGKILL to the worker's whole process group (node and esbuild's service), by its id. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// A vitest worker that dies without running afterAll must not leave workers paying out.
const killAllOnExit = () => {
  for (const child of children) killGroup(child);
};
process.once("exit", killAllOnExit);

interface RunningWorker {
  child: ChildProcess;
  exited: Promise<void>;
  output: string[];
}

let spawned = 0;
function startWorker(): RunningWorker {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: workerDir, env: workerEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  const output: string[] = [];
  const n = ++spawned;
  const t0 = Date.now();
  const keep = (chunk: Buffer) => {
    if (process.env.CRASH_DEBUG) appendFileSync(`/tmp/crash-debug-${n}.log`, chunk.toString("utf8").replace(/^/gm, `${Date.now() - t0} `));
    output.push(chunk.toString("utf8"));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));
  return { child, exited, output };
}

async function started(worker: RunningWorker): Promise<void> {
  await waitFor(async () => {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode}):\n${worker.output.join("").slice(-4000)}`);
    return worker.output.join("").includes('"message":"worker started"') ? true : undefined;
  }, 60_000);
}

async function stop(worker: RunningWorker, signal: NodeJS.Signals): Promise<void> {
  killGroup(worker.child, signal);
  const timedOut = await Promise.race([worker.exited.then(() => false), sleep(15_000).then(() => true)]);
  if (timedOut) {
    killGroup(worker.child, "SIGKILL");
    await worker.exited;
    throw new Error(`the worker did not stop on ${signal}:\n${worker.output.join("").slice(-4000)}`);
  }
}

/**
 * Stripe behind a slow link: each request goes to the fake once it has fully arrived, and the
 * answer comes back only after a delay. A worker killed meanwhile never hears that Stripe made
 * the transfer; a request cut off before its end never reaches Stripe.
 */
function startSlowLink(target: FakeStripe): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    outgoing.on("error", () => {});
    void (async () => {
      const body = await readBody(incoming).catch(() => undefined);
      if (body === undefined || outgoing.destroyed) return;
      const headers = { ...incoming.headers, host: `127.0.0.1:${target.port}` };
      const forwarded = httpRequest({ host: "127.0.0.1", port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
        void readBody(answer).then(async (payload) => {
          await sleep(stripeLatencyMs());
          if (outgoing.destroyed) return;
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(payload);
        }, () => outgoing.destroy());
      });
      forwarded.on("error", () => outgoing.destroy());
      forwarded.end(body);
    })();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (!stream.complete) throw new Error("cut off");
  return Buffer.concat(chunks);
}

/** A store connects its Stripe account the way a seller does: onboarding link, Stripe's forms, the return. */
async function connectStripe(gateway: PaymentGateway, tenant: { id: string; slug: string }): Promise<string> {
  const returnUrl = connectReturnUrl(gateway, "stripe", tenant.slug);
  const link = new URL(await withTenant(database.app, tenant.id, (tx) => startConnect(tx, gateway, tenant.id, "stripe", returnUrl)));
  const back = new URL(link.searchParams.get("return_url")!);
  const accountId = back.searchParams.get("accountId")!;
  fake.completeOnboarding(accountId);
  await withTenant(database.app, tenant.id, (tx) => finishConnect(tx, gateway, tenant.id, "stripe", { state: back.searchParams.get("state")!, accountId, returnUrl }));
  return accountId;
}

/** Payout `index` of a store: a capture old enough to be available (hold 0), then a payout of it. */
async function openPayouts(store: Store, indexes: number[]): Promise<void> {
  await withTenant(
    database.app,
    store.id,
    async (tx) => {
      for (const index of indexes) {
        const amount = BigInt(1_000 + ((index * 7_919) % 50_000));
        await postTransaction(tx, store.id, {
          kind: "capture",
          reference: `crash-test-capture-${index}`,
          entries: [
            { account: "cash:stripe", amount, currency: "BRL" },
            { account: "tenant:payable", amount: -amount, currency: "BRL" },
          ],
        });
        // The capture is booked at this transaction's start: a second ahead, it is past its zero hold.
        const payout = await openPayout(tx, store.id, "BRL", `crash-test:${index}`, new Date(Date.now() + 1_000));
        if (payout?.amount !== amount) throw new Error(`payout ${index} opened ${payout?.amount}, not ${amount}`);
        expected.set(payout.id, { tenantId: store.id, amount, stripeAccount: store.stripeAccount });
      }
    },
    { timeoutMs: 120_000 },
  );
}

beforeAll(async () => {
  const tt = Date.now();
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  await prepareQueueStorage(database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
  console.log("db+seed+queues", Date.now() - tt);
  fake = await startFakeStripe();
  proxy = await startSlowLink(fake);
  mailDir = await mkdtemp(join(tmpdir(), "primestore-payouts-crash-"));

  const stripe = { STRIPE_SECRET_KEY: "sk_test_payouts_crash", STRIPE_WEBHOOK_SECRET: "whsec_payouts_crash", PAYMENTS_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  workerEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "test",
    DATABASE_URL: database.ownerUrl,
    APP_DB_PASSWORD: TEST_APP_PASSWORD,
    ADMIN_DB_PASSWORD: TEST_ADMIN_PASSWORD,
    DATABASE_POOL_SIZE: "6",
    // Empty: the queues live in the test database (BullMQ's PostgreSQL backend), isolated with it.
    REDIS_URL: "",
    DATA_DIR: mailDir,
    MAIL_DIR: mailDir,
    PAYOUTS_RESUME_MS: "1000",
    STRIPE_API_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    ...stripe,
  };
  // The test connects the stores with the same platform keys the worker has, straight to the fake.
  const gateway = paymentGatewayFromEnv(parseEnv({ ...stripe, STRIPE_API_URL: fake.url }));

  const { admin } = database;
  for (let n = 1; n <= EXTRA_STORES; n++) await admin.tenant.create({ data: { slug: `payouts-crash-${n}`, name: `Payouts crash ${n}` } });
  // Captured money is available at once, and no scheduled payout opens behind the test's back.
  await admin.tenant.updateMany({ data: { payoutHoldDays: 0, payoutSchedule: "manual" } });
  for (const tenant of await admin.tenant.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } })) {
    stores.push({ ...tenant, stripeAccount: await connectStripe(gateway, tenant) });
  }

  console.log("stores", Date.now() - tt);
  // Payout i belongs to store i mod n; a few batches at once (the app pool has 4 connections).
  const batches: Array<{ store: Store; indexes: number[] }> = [];
  stores.forEach((store, s) => {
    const indexes = Array.from({ length: PAYOUTS }, (_, i) => i).filter((i) => i % stores.length === s);
    for (let from = 0; from < indexes.length; from += OPEN_BATCH) batches.push({ store, indexes: indexes.slice(from, from + OPEN_BATCH) });
  });
  // Batches of one store run in order (a lane takes a store's next batch only after its last).
  const lanes = stores.map((store) => batches.filter((batch) => batch.store === store));
  const lane = async () => {
    for (let next = lanes.shift(); next; next = lanes.shift()) for (const batch of next) await openPayouts(batch.store, batch.indexes);
  };
  await Promise.all([lane(), lane(), lane()]);
  console.log("opened", Date.now() - tt);
}, 180_000);

afterAll(async () => {
  for (const child of children) killGroup(child);
  await Promise.all([...children].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)))));
  process.removeListener("exit", killAllOnExit);
  await new Promise((resolve) => (proxy ? proxy.close(resolve).closeAllConnections() : resolve(null)));
  await fake?.close();
  await database?.drop();
  if (mailDir) await rm(mailDir, { recursive: true, force: true });
});

describe("payouts while the worker is SIGKILLed over and over", () => {
  it("pays every payout exactly once and the ledger balances", { timeout: 240_000 }, async () => {
    const { admin, app } = database;
    expect(expected.size).toBe(PAYOUTS);
    expect(await admin.outboxEvent.count({ where: { type: "payout.opened", publishedAt: null } })).toBe(PAYOUTS);
    const paidCount = () => admin.payout.count({ where: { status: "paid" } });
    const began = Date.now();

    // Kill rounds: each worker boots, works for 0.5-2 s, and is killed mid-flight.
    const kills: Array<{ afterMs: number; paidBefore: number }> = [];
    while (kills.length < MIN_KILLS + 1) {
      const worker = startWorker();
      await started(worker);
      const afterMs = Math.round(500 + Math.random() * 1_500);
      await sleep(afterMs);
      const paidBefore = await paidCount();
      await stop(worker, "SIGKILL");
      if (paidBefore === PAYOUTS) break;
      kills.push({ afterMs, paidBefore });
    }
    const killedAt = Date.now();

    // The last worker runs until every payout is paid, and then shuts down cleanly.
    const last = startWorker();
    await started(last);
    await waitFor(async () => ((await paidCount()) === PAYOUTS ? true : undefined), 150_000).catch((error: unknown) => {
      throw new Error(`${String(error)}: ${PAYOUTS} payouts not all paid\n${last.output.join("").slice(-4000)}`);
    });
    await stop(last, "SIGTERM");

    const payouts = await admin.payout.findMany();
    const transferPosts = fake.requests.filter((request) => request.method === "POST" && request.path === "/v1/transfers");
    const made = transferPosts.filter((request) => request.status === 200 && !request.replayed);
    const replayed = transferPosts.filter((request) => request.replayed);
    const attempts = payouts.map((payout) => payout.attempts);
    console.log(
      JSON.stringify({
        kills: kills.length,
        killRounds: kills,
        killPhaseMs: killedAt - began,
        lastWorkerMs: Date.now() - killedAt,
        transferRequests: transferPosts.length,
        replayedIdempotencyKeys: replayed.length,
        lostAnswers: new Set(replayed.map((request) => request.idempotencyKey)).size,
        payoutsClaimedMoreThanOnce: attempts.filter((count) => count > 1).length,
        maxAttempts: Math.max(...attempts),
      }),
    );

    // The kills landed while payouts were being paid, and retries followed them.
    expect(kills.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(kills.filter((kill) => kill.paidBefore > 0).length).toBeGreaterThanOrEqual(MIN_KILLS - 1);
    expect(replayed.length).toBeGreaterThan(0);

    // Every payout paid, by its own transfer: its amount, to its store's account.
    expect(payouts).toHaveLength(PAYOUTS);
    expect(payouts.filter((payout) => payout.status !== "paid")).toEqual([]);
    expect(fake.state.transfers.size).toBe(PAYOUTS);
    expect(made).toHaveLength(PAYOUTS);
    expect(new Set(made.map((request) => request.idempotencyKey))).toEqual(new Set(expected.keys()));
    expect(new Set(payouts.map((payout) => payout.providerPayoutId))).toEqual(new Set(fake.state.transfers.keys()));
    expect(transferPosts.filter((request) => request.status !== 200)).toEqual([]);
    for (const payout of payouts) {
      const wanted = expected.get(payout.id)!;
      expect(payout).toMatchObject({ tenantId: wanted.tenantId, amount: wanted.amount, provider: "stripe", paidAt: expect.any(Date) });
      expect(fake.state.transfers.get(payout.providerPayoutId!)).toMatchObject({ amount: Number(wanted.amount), currency: "brl", destination: wanted.stripeAccount, reversed: false });
    }
    // Each paid once: one `payout.paid` event each, never a reversal.
    const paidEvents = await admin.outboxEvent.findMany({ where: { type: "payout.paid" }, select: { payload: true } });
    expect(paidEvents).toHaveLength(PAYOUTS);
    expect(new Set(paidEvents.map((event) => (event.payload as { payoutId: string }).payoutId))).toEqual(new Set(expected.keys()));

    // The ledger: one payout posting each, no reversal, every transaction balanced.
    const payoutPostings = await admin.ledgerTransaction.findMany({ where: { kind: "payout" }, select: { reference: true } });
    expect(payoutPostings).toHaveLength(PAYOUTS);
    expect(new Set(payoutPostings.map((posting) => posting.reference))).toEqual(new Set(expected.keys()));
    expect(await admin.ledgerTransaction.count({ where: { kind: "payout_reversal" } })).toBe(0);
    expect(await unbalancedTransactions(admin)).toEqual([]);
    for (const store of stores) {
      const { lines, balances } = await withTenant(app, store.id, async (tx) => ({ lines: await trialBalance(tx, store.id), balances: await tenantBalances(tx, store.id, 0) }));
      const byCurrency = new Map<string, bigint>();
      for (const line of lines) byCurrency.set(line.currency, (byCurrency.get(line.currency) ?? 0n) + line.balance);
      expect(Object.fromEntries(byCurrency)).toEqual({ BRL: 0n });
      // Everything captured was paid out: nothing left at Stripe for the store, nothing owed to it.
      expect(lines.map(({ account, balance }) => ({ account, balance }))).toEqual([
        { account: "cash:stripe", balance: 0n },
        { account: "tenant:payable", balance: 0n },
      ]);
      expect(balances).toEqual([{ currency: "BRL", pending: 0n, available: 0n }]);
    }
  });
});

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";
import { postTransaction, tenantBalances, trialBalance, unbalancedTransactions } from "@primestore/core/ledger";
import { encryptCredentials, openPayoutsFor } from "@primestore/core/payments";
import { seedDemoData } from "@primestore/core/seed";
import { withTenant } from "@primestore/db";
import { createTestDatabase, TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD, type TestDatabase } from "@primestore/db/testing";
import { prepareQueueStorage } from "@primestore/jobs";
import { type FakeStripe, startFakeStripe } from "@primestore/payments/testing/stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "./testing/wait-for.ts";

/**
 * The payments issue's crash test: the real worker (`src/main.ts`, a child process) pays 1,000
 * payouts through Stripe (the stateful fake, behind a slow link) while it is SIGKILLed at random
 * moments and restarted. Whatever a kill interrupts (the outbox relay, a claim, a payout whose
 * answer is on its way back, the outcome's commit), every payout must end `paid` by exactly one
 * Stripe Payout on its store's connected account, and the ledger must balance.
 */

const PAYOUTS = 1_000;
/** Beyond the three demo stores, so many stores' payouts run side by side. */
const EXTRA_STORES = 7;
const KILLS = 5;
/** Payouts opened per transaction while setting up. */
const OPEN_BATCH = 25;
/**
 * Stripe's answers take this long to come back (ms) while the kills go on, so a kill often finds
 * payouts made but unanswered; the last worker gets them at once.
 */
let stripeLatency = { min: 20, max: 80 };
const stripeLatencyMs = () => stripeLatency.min + Math.random() * (stripeLatency.max - stripeLatency.min);

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
let link: SlowLink;
let mailDir: string;
let workerEnv: Record<string, string>;
const stores: Store[] = [];
const expected = new Map<string, ExpectedPayout>();
const children = new Set<ChildProcess>();

// --- The worker as a child process --------------------------------------------------------------

/** A signal to the worker's process group (node and esbuild's service), by the worker's id. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Should the test process die without its afterAll, the workers it started die with it.
const killChildrenOnExit = () => {
  for (const child of children) signalGroup(child, "SIGKILL");
};
process.once("exit", killChildrenOnExit);

interface RunningWorker {
  child: ChildProcess;
  exited: Promise<void>;
  /** The worker's log messages so far, by `message`. */
  count(message: string): number;
  tail(): string;
}

function startWorker(): RunningWorker {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: workerDir, env: workerEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  const counts = new Map<string, number>();
  const lines: string[] = [];
  let partial = "";
  const take = (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const complete = text.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      lines.push(line);
      const message = /"message":"([^"]*)"/.exec(line)?.[1];
      if (message) counts.set(message, (counts.get(message) ?? 0) + 1);
    }
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));
  return { child, exited, count: (message) => counts.get(message) ?? 0, tail: () => [...lines, partial].join("\n").slice(-4_000) };
}

/** Waits for the worker's `message` (it runs on its own time); fails at once if it died. */
async function logged(worker: RunningWorker, message: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(async () => {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode}):\n${worker.tail()}`);
    return worker.count(message) > 0 ? true : undefined;
  }, timeoutMs).catch((error: unknown) => {
    throw new Error(`${String(error)}: no "${message}" from the worker\n${worker.tail()}`);
  });
}

async function stop(worker: RunningWorker, signal: NodeJS.Signals): Promise<void> {
  signalGroup(worker.child, signal);
  const timedOut = await Promise.race([worker.exited.then(() => false), sleep(15_000).then(() => true)]);
  if (timedOut) {
    signalGroup(worker.child, "SIGKILL");
    await worker.exited;
    throw new Error(`the worker did not stop on ${signal}:\n${worker.tail()}`);
  }
}

// --- Stripe behind a slow link -------------------------------------------------------------------

interface SlowLink {
  url: string;
  /** Answers of payouts Stripe makes stop coming back (Stripe has done the work; the worker hasn't heard). */
  pause(): void;
  /** Answers flow again; those held for a worker that died meanwhile go nowhere. */
  resume(): void;
  /** Idempotency keys of payouts Stripe made whose answers `pause` holds. */
  heldPayouts(): string[];
  close(): Promise<void>;
}

/**
 * Each request reaches the fake only once it has fully arrived (a request cut off by a kill never
 * does), and its answer comes back after a delay: a worker killed meanwhile never hears that
 * Stripe made the payout.
 */
async function startSlowLink(target: FakeStripe): Promise<SlowLink> {
  let paused: { until: Promise<void>; release: () => void } | undefined;
  const held = new Set<string>();
  const server = createServer((incoming, outgoing) => {
    outgoing.on("error", () => {});
    void (async () => {
      const body = await readBody(incoming).catch(() => undefined);
      if (body === undefined || outgoing.destroyed) return;
      const headers = { ...incoming.headers, host: `127.0.0.1:${target.port}` };
      const forwarded = httpRequest({ host: "127.0.0.1", port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
        void readBody(answer).then(async (payload) => {
          await sleep(stripeLatencyMs());
          // A payout Stripe made just now (not the replay of an earlier one).
          const made = incoming.url === "/v1/payouts" && answer.statusCode === 200 && !answer.headers["idempotent-replayed"];
          const key = made ? incoming.headers["idempotency-key"] : undefined;
          // Only those are held: the worker keeps paying (and replaying) until one is.
          while (paused && typeof key === "string") {
            held.add(key);
            await paused.until;
          }
          if (outgoing.destroyed) return;
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(payload);
        }, () => outgoing.destroy());
      });
      forwarded.on("error", () => outgoing.destroy());
      forwarded.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const resume = () => {
    const current = paused;
    paused = undefined;
    held.clear();
    current?.release();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pause() {
      if (paused) return;
      let release = () => {};
      const until = new Promise<void>((resolve) => (release = resolve));
      paused = { until, release };
    },
    resume,
    heldPayouts: () => [...held],
    close: () =>
      new Promise<void>((resolve) => {
        resume();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (!stream.complete) throw new Error("cut off");
  return Buffer.concat(chunks);
}

// --- Stores and their payouts --------------------------------------------------------------------

/** The store's Stripe account, onboarded (payouts enabled) and stored sealed as a connection leaves it. */
async function connectStripe(encryptionKey: Buffer, tenantId: string): Promise<string> {
  const accountId = fake.createConnectedAccount({ onboarded: true });
  const credentials = encryptCredentials(encryptionKey, tenantId, { accountId });
  await withTenant(database.app, tenantId, (tx) => tx.paymentAccount.create({ data: { tenantId, provider: "stripe", accountId, credentials, status: "active" } }));
  return accountId;
}

/** For each index, a capture available at once (the hold is 0 days) and a payout of it. */
async function openPayouts(store: Store, indexes: number[]): Promise<void> {
  let captured = 0n;
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
        // The capture is booked at this transaction's start; a second on, it is past its hold.
        const [payout, ...more] = await openPayoutsFor(tx, store.id, "BRL", `crash-test:${index}`, new Date(Date.now() + 1_000));
        if (payout?.amount !== amount || more.length) throw new Error(`payout ${index} opened ${payout?.amount}, not ${amount}`);
        expected.set(payout.id, { tenantId: store.id, amount, stripeAccount: store.stripeAccount });
        captured += amount;
      }
    },
    { timeoutMs: 120_000 },
  );
  // At Stripe, the captures' destination charges would have put the store's share in its account's balance.
  fake.creditBalance(store.stripeAccount, "brl", Number(captured));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  await prepareQueueStorage(database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
  fake = await startFakeStripe();
  link = await startSlowLink(fake);
  mailDir = await mkdtemp(join(tmpdir(), "primestore-payouts-crash-"));

  const platform = { STRIPE_SECRET_KEY: "sk_test_payouts_crash", STRIPE_WEBHOOK_SECRET: "whsec_payouts_crash", PAYMENTS_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  workerEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "test",
    DATABASE_URL: database.ownerUrl,
    APP_DB_PASSWORD: TEST_APP_PASSWORD,
    ADMIN_DB_PASSWORD: TEST_ADMIN_PASSWORD,
    DATABASE_POOL_SIZE: "6",
    // Empty: BullMQ's PostgreSQL backend, in the test database and so isolated with it.
    REDIS_URL: "",
    DATA_DIR: mailDir,
    MAIL_DIR: mailDir,
    PAYOUTS_RESUME_MS: "1000",
    STRIPE_API_URL: link.url,
    ...platform,
  };
  // Sealed with the worker's key, as a store's connection would have been.
  const encryptionKey = Buffer.from(platform.PAYMENTS_ENCRYPTION_KEY, "base64");

  const { admin } = database;
  for (let n = 1; n <= EXTRA_STORES; n++) await admin.tenant.create({ data: { slug: `payouts-crash-${n}`, name: `Payouts crash ${n}` } });
  // Captured money is available at once, and no scheduled payout opens behind the test's back.
  await admin.tenant.updateMany({ data: { payoutHoldDays: 0, payoutSchedule: "manual" } });
  for (const tenant of await admin.tenant.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } })) {
    stores.push({ ...tenant, stripeAccount: await connectStripe(encryptionKey, tenant.id) });
  }

  // Payout i is store (i mod n)'s. A store's batches run in order; three stores at a time (the app pool has 4 connections).
  const queue = stores.map((store, s) => ({ store, indexes: Array.from({ length: PAYOUTS }, (_, i) => i).filter((i) => i % stores.length === s) }));
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (let from = 0; from < next.indexes.length; from += OPEN_BATCH) await openPayouts(next.store, next.indexes.slice(from, from + OPEN_BATCH));
    }
  };
  await Promise.all([lane(), lane(), lane()]);
}, 180_000);

afterAll(async () => {
  for (const child of children) signalGroup(child, "SIGKILL");
  await Promise.all([...children].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)))));
  process.removeListener("exit", killChildrenOnExit);
  await link?.close();
  await fake?.close();
  await database?.drop();
  if (mailDir) await rm(mailDir, { recursive: true, force: true });
});

describe("payouts while the worker is SIGKILLed over and over", () => {
  it("pays every payout exactly once, and the ledger balances", { timeout: 240_000 }, async () => {
    const { admin, app } = database;
    expect(expected.size).toBe(PAYOUTS);
    expect(await admin.outboxEvent.count({ where: { type: "payout.opened", publishedAt: null } })).toBe(PAYOUTS);
    const paidCount = () => admin.payout.count({ where: { status: "paid" } });
    const began = Date.now();

    // Each worker boots, pays for 0.5-2 s, and is killed the moment a payout's answer is on its
    // way back (the link holds answers until one is): every kill loses at least one answer.
    const kills: Array<{ paidFor: number; executed: number; lostAnswers: string[]; requestsBefore: number }> = [];
    while (kills.length < KILLS) {
      const worker = startWorker();
      await logged(worker, "payout executed");
      const paidFor = Math.round(500 + Math.random() * 1_500);
      await sleep(paidFor);
      link.pause();
      const lostAnswers = await waitFor(async () => (link.heldPayouts().length ? link.heldPayouts() : undefined), 20_000);
      await stop(worker, "SIGKILL");
      kills.push({ paidFor, executed: worker.count("payout executed"), lostAnswers, requestsBefore: fake.requests.length });
      link.resume();
    }
    const paidWhenKillsEnded = await paidCount();
    const killsTookMs = Date.now() - began;

    // The last worker runs until every payout is paid, then shuts down cleanly.
    stripeLatency = { min: 0, max: 0 };
    const last = startWorker();
    await waitFor(async () => ((await paidCount()) === PAYOUTS ? true : undefined), 150_000).catch((error: unknown) => {
      throw new Error(`${String(error)}: not every payout was paid (${PAYOUTS})\n${last.tail()}`);
    });
    await stop(last, "SIGTERM");

    const payouts = await admin.payout.findMany();
    const payoutPosts = fake.requests.map((request, index) => ({ ...request, index })).filter((request) => request.method === "POST" && request.path === "/v1/payouts");
    const made = payoutPosts.filter((request) => request.status === 200 && !request.replayed);
    const replays = payoutPosts.filter((request) => request.replayed);
    // A replay in a later worker life than its key's first request was a retry after a kill; in the same life, a resume sweep meeting the payout's own job.
    const lifeOf = (index: number) => kills.filter((kill) => kill.requestsBefore <= index).length;
    const firstRequest = new Map(made.map((request) => [request.idempotencyKey, request.index]));
    const afterKill = replays.filter((request) => lifeOf(request.index) > lifeOf(firstRequest.get(request.idempotencyKey) ?? request.index));
    const attempts = payouts.map((payout) => payout.attempts);
    console.log(
      JSON.stringify({
        kills: kills.map(({ paidFor, executed, lostAnswers }) => ({ paidFor, executed, lostAnswers: lostAnswers.length })),
        paidWhenKillsEnded,
        killsTookMs,
        lastWorkerMs: Date.now() - began - killsTookMs,
        payoutRequests: payoutPosts.length,
        replayedKeys: replays.length,
        replayedAfterKill: afterKill.length,
        replayedInSameLife: replays.length - afterKill.length,
        payoutsClaimedMoreThanOnce: attempts.filter((count) => count > 1).length,
        maxAttempts: Math.max(...attempts),
      }),
    );

    // Every kill hit payouts being paid and lost the answer of a payout Stripe had made; such a
    // payout could only be paid by asking again under its key (a replay), never by a second one.
    expect(kills).toHaveLength(KILLS);
    expect(paidWhenKillsEnded).toBeLessThan(PAYOUTS);
    for (const kill of kills) {
      expect(kill.executed).toBeGreaterThan(0);
      expect(kill.lostAnswers.length).toBeGreaterThan(0);
      for (const key of kill.lostAnswers) expect(replays.some((request) => request.idempotencyKey === key)).toBe(true);
    }
    expect(afterKill.length).toBeGreaterThan(0);

    // Every payout paid by a Stripe Payout of its own: on its store's connected account, of its
    // amount, made once. Never a transfer: the platform pays nothing out of its own balance.
    expect(payouts).toHaveLength(PAYOUTS);
    expect(payouts.filter((payout) => payout.status !== "paid")).toEqual([]);
    expect(payoutPosts.filter((request) => request.status !== 200)).toEqual([]);
    expect(made).toHaveLength(PAYOUTS);
    expect(new Set(made.map((request) => request.idempotencyKey))).toEqual(new Set(expected.keys()));
    for (const request of payoutPosts) {
      const wanted = expected.get(request.idempotencyKey!)!;
      expect({ stripeAccount: request.stripeAccount, params: request.params }).toEqual({
        stripeAccount: wanted.stripeAccount,
        params: { amount: String(wanted.amount), currency: "brl", metadata: { payoutId: request.idempotencyKey } },
      });
    }
    expect(fake.requests.filter((request) => request.path === "/v1/transfers")).toEqual([]);
    expect(fake.state.transfers.size).toBe(0);
    expect(fake.state.payouts.size).toBe(PAYOUTS);
    expect(new Set(payouts.map((payout) => payout.providerPayoutId))).toEqual(new Set(fake.state.payouts.keys()));
    for (const payout of payouts) {
      const wanted = expected.get(payout.id)!;
      expect(payout).toMatchObject({ tenantId: wanted.tenantId, amount: wanted.amount, provider: "stripe", paidAt: expect.any(Date) });
      expect(fake.state.payouts.get(payout.providerPayoutId!)).toMatchObject({
        account: wanted.stripeAccount,
        amount: Number(wanted.amount),
        currency: "brl",
        status: "paid",
        metadata: { payoutId: payout.id },
      });
    }
    // Each store's account paid out exactly what it held.
    for (const store of stores) expect(fake.balanceOf(store.stripeAccount, "brl")).toBe(0);
    // Paid once each: one `payout.paid` event per payout, and no reversal.
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
      const perCurrency = new Map<string, bigint>();
      for (const line of lines) perCurrency.set(line.currency, (perCurrency.get(line.currency) ?? 0n) + line.balance);
      expect(Object.fromEntries(perCurrency)).toEqual({ BRL: 0n });
      // All that was captured was paid out: nothing left at Stripe for the store, nothing owed to it.
      expect(lines.map(({ account, balance }) => ({ account, balance }))).toEqual([
        { account: "cash:stripe", balance: 0n },
        { account: "tenant:payable", balance: 0n },
      ]);
      expect(balances).toEqual([{ currency: "BRL", pending: 0n, available: 0n }]);
    }
  });
});

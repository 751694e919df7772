import { randomUUID } from "node:crypto";
import { createDbClient, type Tx, withTenant } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountBalance,
  type LedgerEntryInput,
  payableBalance,
  payableStatement,
  postTransaction,
  tenantBalances,
  trialBalance,
  unbalancedTransactions,
} from "./index.ts";

let database: TestDatabase;
/** A and B share the tests below; C only has the backdated history of the hold-period tests. */
let tenantA: string;
let tenantB: string;
let tenantC: string;

const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const create = (slug: string) => database.admin.tenant.create({ data: { slug, name: slug } }).then((tenant) => tenant.id);
  [tenantA, tenantB, tenantC] = await Promise.all([create("ledger-a"), create("ledger-b"), create("ledger-c")]);
});

afterAll(() => database?.drop());

const inTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => withTenant(database.app, tenantId, fn);

function capture(amount: bigint, commission: bigint, currency = "BRL"): LedgerEntryInput[] {
  return [
    { account: "cash:test", amount, currency },
    { account: "tenant:payable", amount: -(amount - commission), currency },
    { account: "platform:commission", amount: -commission, currency },
  ];
}

const post = (tenantId: string, kind: string, reference: string, entries: LedgerEntryInput[]) =>
  inTenant(tenantId, (tx) => postTransaction(tx, tenantId, { kind, reference, entries }));

async function accountId(tenantId: string, code: string, currency = "BRL"): Promise<string> {
  const account = await database.admin.ledgerAccount.findUniqueOrThrow({ where: { tenantId_code_currency: { tenantId, code, currency } } });
  return account.id;
}

const transactionsOf = (tenantId: string, reference: string) => database.admin.ledgerTransaction.count({ where: { tenantId, reference } });
const entriesOf = (tenantId: string, reference: string) => database.admin.ledgerEntry.count({ where: { tenantId, transaction: { reference } } });

/** A raw entry insert in a transaction of its own, bypassing postTransaction's checks. */
async function insertRaw(tenantId: string, reference: string, entries: (transactionId: string) => Array<{ accountId: string; amount: bigint; currency: string }>) {
  await inTenant(tenantId, async (tx) => {
    const transaction = await tx.ledgerTransaction.create({ data: { tenantId, kind: "raw", reference } });
    await tx.ledgerEntry.createMany({ data: entries(transaction.id).map((entry) => ({ tenantId, transactionId: transaction.id, ...entry })) });
  });
}

describe("posting", () => {
  it("books a capture and reads it back as balances", async () => {
    const reference = randomUUID();
    const result = await post(tenantA, "capture", reference, capture(1000n, 100n));
    expect(result).toEqual({ posted: true, transactionId: expect.any(String) });

    await inTenant(tenantA, async (tx) => {
      expect(await accountBalance(tx, tenantA, "cash:test", "BRL")).toBe(1000n);
      expect(await accountBalance(tx, tenantA, "platform:commission", "BRL")).toBe(-100n);
      expect(await payableBalance(tx, tenantA, "BRL")).toBe(900n);
      expect(await payableBalance(tx, tenantA, "BRL", new Date(Date.now() - DAY))).toBe(0n);
      expect(await tenantBalances(tx, tenantA, 7)).toEqual([{ currency: "BRL", pending: 900n, available: 0n }]);
      expect(await tenantBalances(tx, tenantA, 0, new Date(Date.now() + 1000))).toEqual([{ currency: "BRL", pending: 0n, available: 900n }]);
      expect(await trialBalance(tx, tenantA)).toEqual([
        { account: "cash:test", kind: "asset", currency: "BRL", balance: 1000n },
        { account: "platform:commission", kind: "revenue", currency: "BRL", balance: -100n },
        { account: "tenant:payable", kind: "liability", currency: "BRL", balance: -900n },
      ]);
    });
    const transaction = await database.admin.ledgerTransaction.findUniqueOrThrow({ where: { id: result.transactionId }, include: { entries: true } });
    expect(transaction).toMatchObject({ tenantId: tenantA, kind: "capture", reference });
    expect(transaction.entries.map((entry) => entry.amount).sort()).toEqual([-100n, -900n, 1000n]);
  });

  it("nets lines per account and currency and leaves out those that net to zero", async () => {
    const reference = randomUUID();
    await post(tenantA, "split_capture", reference, [
      { account: "cash:stripe", amount: 600n, currency: "BRL" },
      { account: "cash:stripe", amount: 400n, currency: "BRL" },
      { account: "tenant:payable", amount: -1000n, currency: "BRL" },
      { account: "gateway:fees", amount: 0n, currency: "BRL" },
      { account: "chargebacks", amount: 5n, currency: "BRL" },
      { account: "chargebacks", amount: -5n, currency: "BRL" },
    ]);
    const entries = await database.admin.ledgerEntry.findMany({ where: { transaction: { reference } }, include: { account: true } });
    expect(entries.map((entry) => [entry.account.code, entry.amount]).sort()).toEqual([
      ["cash:stripe", 1000n],
      ["tenant:payable", -1000n],
    ]);
  });

  it("rolls back with the caller's transaction", async () => {
    const reference = randomUUID();
    await expect(
      inTenant(tenantA, async (tx) => {
        await postTransaction(tx, tenantA, { kind: "capture", reference, entries: capture(1000n, 100n) });
        throw new Error("the order update failed");
      }),
    ).rejects.toThrow("the order update failed");
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });
});

describe("exactly once per (kind, reference)", () => {
  it("writes one transaction when the same event is posted 10 times in a row", async () => {
    const reference = randomUUID();
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await post(tenantA, "capture", reference, capture(1000n, 100n)));
    expect(results.map((result) => result.posted)).toEqual([true, ...Array(9).fill(false)]);
    expect(new Set(results.map((result) => result.transactionId)).size).toBe(1);
    expect(await transactionsOf(tenantA, reference)).toBe(1);
    expect(await entriesOf(tenantA, reference)).toBe(3);
  });

  it("writes one transaction when the same event is posted 10 times at once", async () => {
    const reference = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => post(tenantA, "capture", reference, capture(1000n, 100n))));
    expect(results.filter((result) => result.posted)).toHaveLength(1);
    expect(new Set(results.map((result) => result.transactionId)).size).toBe(1);
    expect(await transactionsOf(tenantA, reference)).toBe(1);
    expect(await entriesOf(tenantA, reference)).toBe(3);
  });

  it("creates a tenant's accounts once when their first postings race", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => post(tenantB, "capture", randomUUID(), capture(100n, 10n, "EUR"))));
    expect(results.every((result) => result.posted)).toBe(true);
    expect(await database.admin.ledgerAccount.count({ where: { tenantId: tenantB, currency: "EUR" } })).toBe(3);
    expect(await inTenant(tenantB, (tx) => payableBalance(tx, tenantB, "EUR"))).toBe(900n);
  });

  it("tells kinds apart: a refund may carry the payment's reference", async () => {
    const reference = randomUUID();
    expect((await post(tenantA, "capture", reference, capture(1000n, 100n))).posted).toBe(true);
    expect((await post(tenantA, "gateway_fee", reference, [{ account: "gateway:fees", amount: 30n, currency: "BRL" }, { account: "cash:test", amount: -30n, currency: "BRL" }])).posted).toBe(true);
    expect(await transactionsOf(tenantA, reference)).toBe(2);
  });
});

describe("bad postings are refused and write nothing", () => {
  it("refuses in code a posting that doesn't balance per currency", async () => {
    const reference = randomUUID();
    const unbalanced = [
      { account: "cash:test", amount: 1000n, currency: "BRL" },
      { account: "tenant:payable", amount: -990n, currency: "BRL" },
    ] as const;
    await expect(post(tenantA, "capture", reference, [...unbalanced])).rejects.toMatchObject({
      code: "INTERNAL",
      message: expect.stringMatching(/does not balance \(BRL 10\)/),
    });
    // Zero overall, but BRL and USD each unbalanced: a currency is not a unit of another.
    await expect(
      post(tenantA, "capture", reference, [
        { account: "cash:test", amount: 10n, currency: "BRL" },
        { account: "tenant:payable", amount: -10n, currency: "USD" },
      ]),
    ).rejects.toThrow(/does not balance \(BRL 10, USD -10\)/);
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });

  it("refuses in code an account off the chart, an unknown currency and a posting that moves nothing", async () => {
    const reference = randomUUID();
    const offChart = [{ account: "cash:paypal", amount: 1n, currency: "BRL" }, { account: "tenant:payable", amount: -1n, currency: "BRL" }] as unknown as LedgerEntryInput[];
    await expect(post(tenantA, "capture", reference, offChart)).rejects.toMatchObject({ code: "INTERNAL", message: expect.stringMatching(/not in the chart/) });
    await expect(post(tenantA, "capture", reference, capture(10n, 1n, "XXX"))).rejects.toThrow(/unknown currency "XXX"/);
    await expect(post(tenantA, "capture", reference, capture(0n, 0n))).rejects.toThrow(/moves no money/);
    await expect(post(tenantA, "capture", reference, [])).rejects.toThrow(/moves no money/);
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });

  it("the database refuses unbalanced entries written without postTransaction", async () => {
    await post(tenantA, "capture", randomUUID(), capture(1000n, 100n));
    const [cash, payable] = [await accountId(tenantA, "cash:test"), await accountId(tenantA, "tenant:payable")];
    const reference = randomUUID();
    await expect(
      insertRaw(tenantA, reference, () => [
        { accountId: cash, amount: 1000n, currency: "BRL" },
        { accountId: payable, amount: -900n, currency: "BRL" },
      ]),
    ).rejects.toThrow(/ledger transactions do not balance/);
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });

  it("the database refuses a transaction's entries split over two inserts", async () => {
    const [cash, payable] = [await accountId(tenantA, "cash:test"), await accountId(tenantA, "tenant:payable")];
    const reference = randomUUID();
    await expect(
      inTenant(tenantA, async (tx) => {
        const transaction = await tx.ledgerTransaction.create({ data: { tenantId: tenantA, kind: "raw", reference } });
        // The first half is refused on its own: each statement must leave the transaction balanced.
        for (const [accountId, amount] of [[cash, 500n], [payable, -500n]] as const) {
          await tx.ledgerEntry.createMany({ data: [{ tenantId: tenantA, transactionId: transaction.id, accountId, amount, currency: "BRL" }] });
        }
      }),
    ).rejects.toThrow(/ledger transactions do not balance/);
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });

  it("the database refuses a zero entry", async () => {
    const [cash, payable, commission] = await Promise.all([accountId(tenantA, "cash:test"), accountId(tenantA, "tenant:payable"), accountId(tenantA, "platform:commission")]);
    const reference = randomUUID();
    await expect(
      insertRaw(tenantA, reference, () => [
        { accountId: cash, amount: 500n, currency: "BRL" },
        { accountId: payable, amount: -500n, currency: "BRL" },
        { accountId: commission, amount: 0n, currency: "BRL" },
      ]),
    ).rejects.toThrow(/must not be zero/);
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });

  it("the database refuses an entry in a currency other than its account's", async () => {
    const [cash, payable] = [await accountId(tenantA, "cash:test"), await accountId(tenantA, "tenant:payable")];
    const reference = randomUUID();
    await expect(
      insertRaw(tenantA, reference, () => [
        { accountId: cash, amount: 500n, currency: "USD" },
        { accountId: payable, amount: -500n, currency: "USD" },
      ]),
    ).rejects.toThrow(/currency USD is not its account's/);
    expect(await transactionsOf(tenantA, reference)).toBe(0);
  });

  it("the app role can't update or delete ledger rows", async () => {
    const { transactionId } = await post(tenantA, "capture", randomUUID(), capture(1000n, 100n));
    const attempts: Array<(tx: Tx) => Promise<unknown>> = [
      (tx) => tx.ledgerEntry.updateMany({ where: { transactionId }, data: { amount: 1n } }),
      (tx) => tx.ledgerEntry.deleteMany({ where: { transactionId } }),
      (tx) => tx.ledgerTransaction.updateMany({ where: { id: transactionId }, data: { reference: "rewritten" } }),
      (tx) => tx.ledgerTransaction.deleteMany({ where: { id: transactionId } }),
    ];
    for (const attempt of attempts) await expect(inTenant(tenantA, attempt)).rejects.toThrow(/permission denied/);
    expect(await database.admin.ledgerEntry.count({ where: { transactionId } })).toBe(3);
  });
});

describe("tenant isolation", () => {
  it("shows tenant B none of tenant A's accounts, transactions or entries", async () => {
    const { transactionId } = await post(tenantA, "capture", randomUUID(), capture(1000n, 100n));
    await inTenant(tenantB, async (tx) => {
      const notB = { tenantId: { not: tenantB } };
      expect(await tx.ledgerAccount.count({ where: notB })).toBe(0);
      expect(await tx.ledgerTransaction.count({ where: notB })).toBe(0);
      expect(await tx.ledgerEntry.count({ where: notB })).toBe(0);
      expect(await tx.ledgerTransaction.findUnique({ where: { id: transactionId } })).toBeNull();
      expect(await trialBalance(tx, tenantA)).toEqual([]);
      expect(await accountBalance(tx, tenantA, "cash:test", "BRL")).toBe(0n);
      expect(await tenantBalances(tx, tenantA, 0)).toEqual([]);
      expect(await payableStatement(tx, tenantA, "BRL", new Date(0), new Date(Date.now() + DAY))).toEqual([]);
    });
  });

  it("keeps (kind, reference) per tenant, and won't let tenant B post into tenant A's books", async () => {
    const reference = randomUUID();
    const a = await post(tenantA, "capture", reference, capture(1000n, 100n));
    const b = await post(tenantB, "capture", reference, capture(2000n, 200n));
    expect(b.posted).toBe(true);
    expect(b.transactionId).not.toBe(a.transactionId);

    const intoA = async (tenantId: string) => {
      const [cash, payable] = [await accountId(tenantId, "cash:test"), await accountId(tenantId, "tenant:payable")];
      return inTenant(tenantB, (tx) =>
        tx.ledgerEntry.createMany({
          data: [
            { tenantId, transactionId: a.transactionId, accountId: cash, amount: 1n, currency: "BRL" },
            { tenantId, transactionId: a.transactionId, accountId: payable, amount: -1n, currency: "BRL" },
          ],
        }),
      );
    };
    // In its own name, A's transaction doesn't exist for B. In A's name, the entry trigger refuses
    // the rows first (B's scope can't see A's accounts), before row-level security would.
    await expect(intoA(tenantB)).rejects.toThrow(/foreign key/i);
    await expect(intoA(tenantA)).rejects.toThrow(/row-level security|is not its account's/);
    await expect(inTenant(tenantB, (tx) => postTransaction(tx, tenantA, { kind: "capture", reference: randomUUID(), entries: capture(1n, 0n) }))).rejects.toThrow(/row-level security/);
    expect(await database.admin.ledgerEntry.count({ where: { transactionId: a.transactionId } })).toBe(3);
  });
});

describe("balances over time", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  /** A posting booked in the past, as a backfill would: entries take their time on insert. */
  async function postAt(at: Date, kind: string, entries: LedgerEntryInput[], description?: string) {
    await inTenant(tenantC, async (tx) => {
      await tx.ledgerAccount.createMany({
        data: [
          { tenantId: tenantC, code: "cash:test", kind: "asset", currency: "BRL" },
          { tenantId: tenantC, code: "tenant:payable", kind: "liability", currency: "BRL" },
          { tenantId: tenantC, code: "platform:commission", kind: "revenue", currency: "BRL" },
        ],
        skipDuplicates: true,
      });
      const accounts = new Map((await tx.ledgerAccount.findMany()).map((account) => [account.code, account.id]));
      const transaction = await tx.ledgerTransaction.create({ data: { tenantId: tenantC, kind, reference: randomUUID(), description, createdAt: at } });
      await tx.ledgerEntry.createMany({
        data: entries.map((entry) => ({ tenantId: tenantC, transactionId: transaction.id, accountId: accounts.get(entry.account)!, amount: entry.amount, currency: entry.currency, createdAt: at })),
      });
    });
  }

  beforeAll(async () => {
    await postAt(daysAgo(10), "capture", capture(1000n, 100n), "Order #1");
    await postAt(daysAgo(8), "payout", [{ account: "tenant:payable", amount: 900n, currency: "BRL" }, { account: "cash:test", amount: -900n, currency: "BRL" }], "Payout 1");
    await postAt(daysAgo(3), "capture", capture(500n, 50n), "Order #2");
    // Order #1 partly refunded after its payout: the platform gives back its commission share.
    await postAt(daysAgo(1), "refund", [
      { account: "cash:test", amount: -200n, currency: "BRL" },
      { account: "tenant:payable", amount: 180n, currency: "BRL" },
      { account: "platform:commission", amount: 20n, currency: "BRL" },
    ]);
  });

  it("holds fresh credits as pending and takes debits off available at once", async () => {
    await inTenant(tenantC, async (tx) => {
      expect(await payableBalance(tx, tenantC, "BRL")).toBe(270n);
      expect(await payableBalance(tx, tenantC, "BRL", daysAgo(7))).toBe(0n);
      // Order #2's 450 waits out the hold; the refund comes out of money already paid out.
      expect(await tenantBalances(tx, tenantC, 7, now)).toEqual([{ currency: "BRL", pending: 450n, available: -180n }]);
      expect(await tenantBalances(tx, tenantC, 0, now)).toEqual([{ currency: "BRL", pending: 0n, available: 270n }]);
      expect(await tenantBalances(tx, tenantC, 30, now)).toEqual([{ currency: "BRL", pending: 1350n, available: -1080n }]);
      await expect(tenantBalances(tx, tenantC, -1, now)).rejects.toThrow(/holdDays/);
    });
  });

  it("lists the payable's movements in a period for the seller's statement", async () => {
    const lines = await inTenant(tenantC, (tx) => payableStatement(tx, tenantC, "BRL", daysAgo(9), now));
    expect(lines.map(({ kind, amount, description, createdAt }) => ({ kind, amount, description, createdAt }))).toEqual([
      { kind: "payout", amount: -900n, description: "Payout 1", createdAt: daysAgo(8) },
      { kind: "capture", amount: 450n, description: "Order #2", createdAt: daysAgo(3) },
      { kind: "refund", amount: -180n, description: null, createdAt: daysAgo(1) },
    ]);
    // [from, to): an entry at `to` belongs to the next statement.
    expect(await inTenant(tenantC, (tx) => payableStatement(tx, tenantC, "BRL", daysAgo(10), daysAgo(8)))).toMatchObject([{ kind: "capture", amount: 900n }]);
  });
});

describe("the books", () => {
  it("balance: no unbalanced transaction in any tenant, and each trial balance sums to zero per currency", async () => {
    await post(tenantA, "capture", randomUUID(), capture(3000n, 300n, "USD"));
    expect(await unbalancedTransactions(database.admin)).toEqual([]);
    for (const tenantId of [tenantA, tenantB, tenantC]) {
      const lines = await inTenant(tenantId, (tx) => trialBalance(tx, tenantId));
      const sums = new Map<string, bigint>();
      for (const line of lines) sums.set(line.currency, (sums.get(line.currency) ?? 0n) + line.balance);
      expect([...sums.values()].every((sum) => sum === 0n), tenantId).toBe(true);
      expect(lines.length).toBeGreaterThan(0);
    }
    expect(new Set((await inTenant(tenantA, (tx) => trialBalance(tx, tenantA))).map((line) => line.currency))).toEqual(new Set(["BRL", "USD"]));
  });

  it("the balance query does find an unbalanced transaction, when the trigger is out of the way", async () => {
    // Only the owner can switch the trigger off; DDL is transactional, so the rollback restores it.
    const owner = createDbClient(database.ownerUrl, { poolSize: 1 });
    const cash = await accountId(tenantA, "cash:test");
    const rollback = new Error("rollback");
    try {
      await expect(
        owner.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_balanced");
          const transaction = await tx.ledgerTransaction.create({ data: { tenantId: tenantA, kind: "raw", reference: randomUUID() } });
          await tx.ledgerEntry.create({ data: { tenantId: tenantA, transactionId: transaction.id, accountId: cash, amount: 7n, currency: "BRL" } });
          expect(await unbalancedTransactions(tx)).toEqual([{ tenantId: tenantA, transactionId: transaction.id, currency: "BRL", sum: 7n }]);
          throw rollback;
        }),
      ).rejects.toBe(rollback);
    } finally {
      await owner.$disconnect();
    }
    expect(await unbalancedTransactions(database.admin)).toEqual([]);
  });
});

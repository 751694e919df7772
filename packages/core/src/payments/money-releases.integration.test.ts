import { randomUUID } from "node:crypto";
import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantBalances, unbalancedTransactions } from "../ledger/index.ts";
import { buyOne, connectMercadoPago, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { connectedAccount, executePayout, financeOverview, openPayoutsFor, reconcileDay, recordDueMoneyReleases, syncPaymentInTx } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const inAurora = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(demo.database.app, demo.aurora.id, fn);
const DAY = 86_400_000;
const balance = async () => (await inAurora((tx) => tenantBalances(tx, demo.aurora.id, 0))).find((line) => line.currency === "BRL") ?? { pending: 0n, available: 0n };
const sweep = (daysFromNow: number) => recordDueMoneyReleases(admin(), demo.database.app, fakes.gateway, new Date(Date.now() + daysFromNow * DAY));
const stored = (id: string) => admin().payment.findUniqueOrThrow({ where: { id } });

/** What Mercado Pago's webhook for the payment leads to: its state fetched with the seller's token and synced. */
async function notified(paymentId: string) {
  const payment = await stored(paymentId);
  const account = await inAurora((tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"));
  const snapshot = await fakes.gateway.providers.mercadopago!.getPayment(payment.providerPaymentId!, account);
  await inAurora((tx) => syncPaymentInTx(tx, demo.aurora.id, paymentId, snapshot));
}

/** A PIX the shopper paid: the capture is booked, and the store's share is what it adds to the balance. */
async function paidPix() {
  const before = await balance();
  const { payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "pix", {});
  fakes.mercadopago.setPaymentStatus(payment.providerPaymentId!, "approved");
  await notified(payment.id);
  const after = await balance();
  return { payment, share: after.pending + after.available - before.pending - before.available };
}

beforeAll(async () => {
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, 7101);
  await useProviders(admin(), demo.aurora, { pix: "mercadopago", card: "mercadopago" }, ["pix", "card"]);
  // No hold of the store's own: what keeps money pending below is Mercado Pago alone.
  await admin().tenant.update({ where: { id: demo.aurora.id }, data: { payoutSchedule: "daily", payoutHoldDays: 0 } });
});

describe("Mercado Pago's money release", () => {
  it("keeps a capture pending until MP releases it, then pays the store exactly that, once", async () => {
    const { payment, share } = await paidPix();
    expect(share).toBeGreaterThan(0n);
    const recorded = await stored(payment.id);
    expect(recorded.moneyReleaseStatus).toBe("pending");
    expect(recorded.moneyReleaseDate!.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
    expect(await balance()).toEqual({ currency: "BRL", pending: share, available: 0n });
    expect(await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", randomUUID()))).toEqual([]);
    // What the seller sees: when MP releases it.
    const releaseDay = new Date(Math.floor(recorded.moneyReleaseDate!.getTime() / DAY) * DAY);
    expect((await inAurora((tx) => financeOverview(tx, demo.aurora.id))).releases).toEqual([{ currency: "BRL", provider: "mercadopago", day: releaseDay, amount: share }]);

    // Not due yet: MP isn't asked.
    const asked = () => fakes.mercadopago.requests.filter((request) => request.method === "GET" && request.path === `/v1/payments/${payment.providerPaymentId}`).length;
    const before = asked();
    expect(await sweep(1)).toEqual({ checked: 0, released: 0, failures: [] });
    expect(asked()).toBe(before);

    // Due and released at MP: recorded, and the share becomes available.
    fakes.mercadopago.setMoneyRelease(payment.providerPaymentId!, { status: "released" });
    expect(await sweep(15)).toEqual({ checked: 1, released: 1, failures: [] });
    expect(asked()).toBe(before + 1);
    expect(await stored(payment.id)).toMatchObject({ moneyReleaseStatus: "released" });
    expect(await balance()).toEqual({ currency: "BRL", pending: 0n, available: share });
    expect((await inAurora((tx) => financeOverview(tx, demo.aurora.id))).releases).toEqual([]);
    expect(await sweep(15)).toMatchObject({ checked: 0 });

    const [payout, ...more] = await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", randomUUID()));
    expect(more).toEqual([]);
    expect(payout).toMatchObject({ amount: share, provider: "mercadopago" });
    expect(await executePayout(demo.database.app, fakes.gateway, demo.aurora.id, payout!.id)).toBe("paid");
    expect(await balance()).toEqual({ currency: "BRL", pending: 0n, available: 0n });
    expect(await inAurora((tx) => unbalancedTransactions(tx))).toEqual([]);
  });

  it("follows MP moving a release to a later date, and asks again only then", async () => {
    const { payment, share } = await paidPix();
    const later = new Date(Date.now() + 30 * DAY);
    fakes.mercadopago.setMoneyRelease(payment.providerPaymentId!, { status: "pending", date: later });
    expect(await sweep(15)).toEqual({ checked: 1, released: 0, failures: [] });
    expect(await stored(payment.id)).toMatchObject({ moneyReleaseStatus: "pending", moneyReleaseDate: later });
    expect((await balance()).pending).toBe(share);
    expect(await sweep(15)).toMatchObject({ checked: 0 });
    expect(await sweep(31)).toMatchObject({ checked: 1 });
  });

  it("takes a refund made before the release out of what MP holds, not out of what is available", async () => {
    const { payment, share } = await paidPix();
    const before = await balance();
    const account = await inAurora((tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"));
    await fakes.gateway.providers.mercadopago!.refund({ providerPaymentId: payment.providerPaymentId!, amount: 1000n, idempotencyKey: randomUUID(), account });
    await notified(payment.id);
    const refund = await admin().refund.findFirstOrThrow({ where: { paymentId: payment.id } });
    const given = refund.amount - refund.commissionReversed;
    expect(given).toBeGreaterThan(0n);
    expect(await balance()).toEqual({ currency: "BRL", pending: before.pending - given, available: before.available });
    const day = new Date(Math.floor((await stored(payment.id)).moneyReleaseDate!.getTime() / DAY) * DAY);
    const releases = (await inAurora((tx) => financeOverview(tx, demo.aurora.id))).releases;
    expect(releases.find((release) => release.day?.getTime() === day.getTime())?.amount).toBe(share - given);

    fakes.mercadopago.setMoneyRelease(payment.providerPaymentId!, { status: "released" });
    await sweep(15);
    expect((await balance()).available).toBe(before.available + share - given);
  });

  it("asks about a card approved at checkout whose webhook never came, and keeps its money, less MP's fee, pending until then", async () => {
    const { payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve", paymentMethodId: "visa" });
    expect(await stored(payment.id)).toMatchObject({ status: "paid", moneyReleaseStatus: null });
    const { pending } = await balance();
    expect(pending).toBeGreaterThan(0n);
    const run = await sweep(0);
    expect(run.checked).toBeGreaterThanOrEqual(1);
    const recorded = await stored(payment.id);
    expect(recorded.moneyReleaseStatus).toBe("pending");
    expect(recorded.moneyReleaseDate!.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
    // MP's answer also names its fee, which it took from the store's share: still pending, that much less.
    expect(recorded.feeAmount).toBeGreaterThan(0n);
    expect((await balance()).pending).toBe(pending - recorded.feeAmount);
  });

  it("is reported to platform staff when MP holds money past its date, or again after it was released", async () => {
    const overdue = (await paidPix()).payment;
    fakes.mercadopago.setMoneyRelease(overdue.providerPaymentId!, { status: "pending", date: new Date(Date.now() - 60_000) });
    const released = (await paidPix()).payment;
    fakes.mercadopago.setMoneyRelease(released.providerPaymentId!, { status: "released" });
    await sweep(15);
    expect(await stored(released.id)).toMatchObject({ moneyReleaseStatus: "released" });
    // A dispute: MP holds the money again. Our record stays released (the store may have been paid it).
    fakes.mercadopago.setMoneyRelease(released.providerPaymentId!, { status: "pending" });
    await notified(released.id);
    expect(await stored(released.id)).toMatchObject({ moneyReleaseStatus: "released" });

    await reconcileDay(admin(), demo.database.app, fakes.gateway, new Date());
    const kinds = async (paymentId: string) => (await admin().reconciliationIssue.findMany({ where: { reference: paymentId } })).map((issue) => issue.kind);
    expect(await kinds(overdue.id)).toEqual(["release_overdue"]);
    expect(await kinds(released.id)).toEqual(["release_mismatch"]);
    expect(await admin().reconciliationIssue.findFirstOrThrow({ where: { reference: released.id } })).toMatchObject({
      tenantId: demo.aurora.id,
      provider: "mercadopago",
      details: { ours: "released", provider: "pending" },
    });
  });

  it("pays each provider's share through that provider: released MP money as MP's, the rest where it was taken", async () => {
    await inAurora(async (tx) => {
      for (const payout of await openPayoutsFor(tx, demo.aurora.id, "BRL", randomUUID())) await tx.payout.update({ where: { id: payout.id }, data: { status: "paid" } });
    });
    const released = await paidPix();
    fakes.mercadopago.setMoneyRelease(released.payment.providerPaymentId!, { status: "released" });
    await sweep(15);
    // A card taken by the sandbox while MP holds nothing for it: the sandbox's own cash.
    await useProviders(admin(), demo.aurora, { pix: "mercadopago", card: "test" }, ["pix", "card"]);
    try {
      const before = await balance();
      await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve" });
      const sandboxShare = (await balance()).available - before.available;
      expect(sandboxShare).toBeGreaterThan(0n);

      const payouts = await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", "split-by-provider"));
      expect(payouts.map(({ provider, amount }) => ({ provider, amount })).sort((a, b) => a.provider.localeCompare(b.provider))).toEqual([
        { provider: "mercadopago", amount: released.share },
        { provider: "test", amount: sandboxShare },
      ]);
      // The same key again: nothing new, per provider.
      expect(await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", "split-by-provider"))).toEqual([]);
      // What MP still holds from the earlier sales stays pending, for no provider to pay yet.
      const after = await balance();
      expect(after.available).toBe(0n);
      expect(after.pending).toBeGreaterThan(0n);
    } finally {
      await useProviders(admin(), demo.aurora, { pix: "mercadopago", card: "mercadopago" }, ["pix", "card"]);
    }
  });

  it("counts a refund MP took after releasing the money against the next release, and tells the seller so", async () => {
    const settled = async () => {
      for (const payout of await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", randomUUID()))) await executePayout(demo.database.app, fakes.gateway, demo.aurora.id, payout.id);
    };
    const mpLine = async () => {
      const overview = await inAurora((tx) => financeOverview(tx, demo.aurora.id));
      return { line: overview.byProvider.find((line) => line.currency === "BRL" && line.provider === "mercadopago")!, brl: overview.balances.find((line) => line.currency === "BRL")! };
    };
    const first = await paidPix();
    fakes.mercadopago.setMoneyRelease(first.payment.providerPaymentId!, { status: "released" });
    await sweep(15);
    await settled();
    expect((await mpLine()).line).toMatchObject({ available: 0n, releasesMoney: true });

    // MP takes the refund from the seller's MP account, where the money now is: our line goes negative.
    const account = await inAurora((tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"));
    await fakes.gateway.providers.mercadopago!.refund({ providerPaymentId: first.payment.providerPaymentId!, amount: 1000n, idempotencyKey: randomUUID(), account });
    await notified(first.payment.id);
    const refund = await admin().refund.findFirstOrThrow({ where: { paymentId: first.payment.id } });
    const given = refund.amount - refund.commissionReversed;
    const negative = await mpLine();
    expect(negative.line).toMatchObject({ available: -given, releasesMoney: true });
    // Nothing to pay: no payout opens, and the page offers none.
    expect(negative.brl.payable).toBe(0n);
    expect(await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", randomUUID()))).toEqual([]);

    // The next release is recorded as paid net of it: what the seller got from MP, less what MP took.
    const second = await paidPix();
    fakes.mercadopago.setMoneyRelease(second.payment.providerPaymentId!, { status: "released" });
    await sweep(15);
    expect((await mpLine()).brl.payable).toBe(second.share - given);
    const [payout, ...more] = await inAurora((tx) => openPayoutsFor(tx, demo.aurora.id, "BRL", randomUUID()));
    expect(more).toEqual([]);
    expect(payout).toMatchObject({ provider: "mercadopago", amount: second.share - given });
    expect(await executePayout(demo.database.app, fakes.gateway, demo.aurora.id, payout!.id)).toBe("paid");
    expect((await mpLine()).line.available).toBe(0n);
    expect(await inAurora((tx) => unbalancedTransactions(tx))).toEqual([]);
  });

  it("stays the store's own: another store can neither see nor move its releases", async () => {
    const ids = (await admin().payment.findMany({ where: { tenantId: demo.aurora.id, moneyReleaseStatus: { not: null } }, select: { id: true } })).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(0);
    await withTenant(demo.database.app, demo.summit.id, async (tx) => {
      expect(await tx.payment.findMany({ where: { id: { in: ids } } })).toEqual([]);
      expect((await tx.payment.updateMany({ where: { id: { in: ids } }, data: { moneyReleaseStatus: "released" } })).count).toBe(0);
    });
    expect(await admin().payment.count({ where: { id: { in: ids }, moneyReleaseStatus: "pending" } })).toBeGreaterThan(0);
  });
});

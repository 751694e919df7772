import { randomUUID } from "node:crypto";
import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantBalances, unbalancedTransactions } from "../ledger/index.ts";
import { buyOne, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { executePayout, financeOverview, openDuePayouts, openPayouts, payoutDue, payoutStatement, requestPayout } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const inSummit = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(demo.database.app, demo.summit.id, fn);
/** Requests the SDK makes for one call whose connections all drop (the providers' default maxNetworkRetries, 2, plus the first). */
const SDK_ATTEMPTS = 3;
const stripeAccount = async () => (await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.summit.id, provider: "stripe" } })).accountId;
/** Summit's "pay me now" in USD: its money is all at Stripe, so one payout. */
async function requestOne() {
  const payouts = await requestPayout(demo.database.app, demo.summit.id, "USD", randomUUID(), "seller-1");
  expect(payouts.map((payout) => payout.provider)).toEqual(["stripe"]);
  return payouts[0]!;
}
const available = async (currency: string) => (await inSummit((tx) => tenantBalances(tx, demo.summit.id, 0))).find((line) => line.currency === currency)?.available ?? 0n;

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await admin().tenant.update({ where: { id: demo.summit.id }, data: { payoutSchedule: "daily", payoutHoldDays: 0 } });
});

describe("payout schedules", () => {
  it("pay daily every day, weekly on Mondays, monthly on the 1st, manual never by themselves", () => {
    const monday = new Date("2026-11-30T10:00:00Z");
    const first = new Date("2026-12-01T10:00:00Z");
    expect([payoutDue("daily", monday), payoutDue("weekly", monday), payoutDue("monthly", monday), payoutDue("manual", monday)]).toEqual([true, true, false, false]);
    expect([payoutDue("weekly", first), payoutDue("monthly", first)]).toEqual([false, true]);
  });
});

describe("payouts", () => {
  it("pay the available balance once per day through the store's provider, and post it", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const owed = await available("USD");
    expect(owed).toBeGreaterThan(0n);

    const opened = await openDuePayouts(admin(), demo.database.app);
    expect(opened.filter((row) => row.tenantId === demo.summit.id)).toHaveLength(1);
    // The same day again: the key exists, nothing new.
    expect((await openDuePayouts(admin(), demo.database.app)).filter((row) => row.tenantId === demo.summit.id)).toHaveLength(0);
    expect(await available("USD")).toBe(0n);

    const payoutId = opened.find((row) => row.tenantId === demo.summit.id)!.payoutId;
    const [first, again] = await Promise.all([executePayout(demo.database.app, fakes.gateway, demo.summit.id, payoutId), executePayout(demo.database.app, fakes.gateway, demo.summit.id, payoutId)]);
    expect([first, again].sort()).toEqual(["done", "paid"].sort());
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payoutId)).toBe("done");
    // A Stripe Payout on the store's own account, of the balance its destination charges left there: no transfer from the platform.
    const account = await stripeAccount();
    const made = fakes.stripe.requests.filter((request) => request.path === "/v1/payouts" && request.idempotencyKey === payoutId && !request.replayed);
    expect(made).toMatchObject([{ method: "POST", status: 200, stripeAccount: account }]);
    expect(fakes.stripe.requests.filter((request) => request.path === "/v1/transfers")).toEqual([]);
    const payout = await admin().payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(payout).toMatchObject({ status: "paid", amount: owed, provider: "stripe" });
    expect(fakes.stripe.state.payouts.get(payout.providerPayoutId!)).toMatchObject({ account, amount: Number(owed), currency: "usd", status: "paid", metadata: { payoutId } });
    expect(fakes.stripe.balanceOf(account, "usd")).toBe(0);

    const statement = await inSummit((tx) => payoutStatement(tx, demo.summit.id, payoutId));
    expect(statement.lines.map((line) => line.kind)).toContain("capture");
    expect(statement.openingBalance + statement.lines.reduce((sum, line) => sum + line.amount, 0n)).toBe(owed);
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("hold money for the hold period: pending first, available after", async () => {
    await admin().tenant.update({ where: { id: demo.summit.id }, data: { payoutHoldDays: 7 } });
    try {
      const usd = async (now?: Date) => (await inSummit((tx) => financeOverview(tx, demo.summit.id, now))).balances.find((line) => line.currency === "USD")!;
      const before = await usd();
      const { payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
      const owedForSale = payment.amount - (await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).commissionAmount;
      const now = await usd();
      expect(now).toMatchObject({ currency: "USD", pending: before.pending + owedForSale, available: before.available });
      if (now.available <= 0n) await expect(requestPayout(demo.database.app, demo.summit.id, "USD", randomUUID(), "seller-1")).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await usd(new Date(Date.now() + 8 * 86_400_000))).toMatchObject({ currency: "USD", pending: 0n, available: now.available + now.pending });
    } finally {
      await admin().tenant.update({ where: { id: demo.summit.id }, data: { payoutHoldDays: 0 } });
    }
  });

  it("stay open while Stripe's answer is lost, and are paid once when asked again under their key", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const account = await stripeAccount();
    const atStripe = fakes.stripe.balanceOf(account, "usd");
    const payout = await requestOne();
    expect(payout.amount).toBe(BigInt(atStripe));
    // Stripe makes the payout, and neither the first answer nor those of the SDK's retries come back.
    for (let attempt = 0; attempt < SDK_ATTEMPTS; attempt++) fakes.stripe.dropNextResponse("/v1/payouts");
    await expect(executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).rejects.toThrow();
    expect(await admin().payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "processing", attempts: 1 });

    // The resume sweep asks again under the payout's id: Stripe's stored answer, not a second payout.
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("paid");
    const sent = fakes.stripe.requests.filter((request) => request.path === "/v1/payouts" && request.idempotencyKey === payout.id);
    expect(sent.map(({ dropped, replayed }) => ({ dropped, replayed }))).toEqual([
      { dropped: true, replayed: false },
      ...Array.from({ length: SDK_ATTEMPTS - 1 }, () => ({ dropped: true, replayed: true })),
      { dropped: false, replayed: true },
    ]);
    expect([...fakes.stripe.state.payouts.values()].filter((made) => made.metadata.payoutId === payout.id)).toHaveLength(1);
    expect(fakes.stripe.balanceOf(account, "usd")).toBe(0);
    expect(await admin().ledgerTransaction.count({ where: { kind: "payout_reversal", reference: payout.id } })).toBe(0);
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("are paid once when asked again after Stripe has forgotten their key, finding the payout made under it", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const account = await stripeAccount();
    const payout = await requestOne();
    for (let attempt = 0; attempt < SDK_ATTEMPTS; attempt++) fakes.stripe.dropNextResponse("/v1/payouts");
    await expect(executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).rejects.toThrow();

    // The next attempt comes a day and a half later: Stripe no longer knows the key, and the
    // account holds enough for a second payout, were one made.
    await admin().payout.update({ where: { id: payout.id }, data: { createdAt: new Date(Date.now() - 36 * 3600_000) } });
    fakes.stripe.forgetIdempotencyKeys();
    fakes.stripe.creditBalance(account, "usd", Number(payout.amount));
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("paid");

    const made = [...fakes.stripe.state.payouts.values()].filter((one) => one.metadata.payoutId === payout.id);
    expect(made).toHaveLength(1);
    expect(await admin().payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "paid", providerPayoutId: made[0]!.id });
    expect(fakes.stripe.balanceOf(account, "usd")).toBe(Number(payout.amount));
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("wait for a person, without reversing, after many attempts that got no answer", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const payout = await requestOne();
    await admin().payout.update({ where: { id: payout.id }, data: { attempts: 11, updatedAt: new Date(Date.now() - 3_600_000) } });
    expect((await openPayouts(admin(), { idleMs: 0 })).map((open) => open.id)).toContain(payout.id);
    for (let attempt = 0; attempt < SDK_ATTEMPTS; attempt++) fakes.stripe.dropNextResponse("/v1/payouts");
    await expect(executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).rejects.toThrow();
    expect(await admin().payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "processing", attempts: 12, failureReason: expect.any(String) });
    // Stripe may have paid it: no reversal, and the sweep leaves it to staff.
    expect(await admin().ledgerTransaction.count({ where: { kind: "payout_reversal", reference: payout.id } })).toBe(0);
    expect((await openPayouts(admin(), { idleMs: 0 })).map((open) => open.id)).not.toContain(payout.id);
    // A person asking again (the key still holds) finds it paid once.
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("paid");
    expect([...fakes.stripe.state.payouts.values()].filter((made) => made.metadata.payoutId === payout.id)).toHaveLength(1);
  });

  it("wait, counting attempts, while the store has disconnected the provider holding the money", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const payout = await requestOne();
    const connection = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.summit.id, provider: "stripe" } });
    await admin().paymentAccount.update({ where: { id: connection.id }, data: { status: "disconnected" } });
    try {
      await expect(executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).rejects.toMatchObject({ code: "PAYMENT_PROVIDER_UNAVAILABLE" });
      expect(await admin().payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "processing", attempts: 1, failureReason: expect.stringContaining("stripe") });
      expect(fakes.stripe.requests.filter((request) => request.path === "/v1/payouts" && request.idempotencyKey === payout.id)).toEqual([]);
    } finally {
      await admin().paymentAccount.update({ where: { id: connection.id }, data: { status: connection.status } });
    }
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("paid");
  });

  it("fail at once when Stripe refuses the payout, returning its money to the balance", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const owed = await available("USD");
    const payout = await requestOne();
    expect(await available("USD")).toBe(0n);
    const account = await stripeAccount();
    const atStripe = fakes.stripe.balanceOf(account, "usd");
    // Stripe disabled the account's payouts (say, its bank details need checking): a refusal, not an outage.
    fakes.stripe.state.accounts.get(account)!.payouts_enabled = false;
    try {
      expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("failed");
    } finally {
      fakes.stripe.state.accounts.get(account)!.payouts_enabled = true;
    }
    expect(await admin().payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "failed", attempts: 1, failureReason: expect.stringMatching(/^payouts_not_allowed: /) });
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("done");
    expect(await available("USD")).toBe(owed);
    expect(fakes.stripe.balanceOf(account, "usd")).toBe(atStripe);
    expect([...fakes.stripe.state.payouts.values()].filter((made) => made.metadata.payoutId === payout.id)).toEqual([]);
    expect(await admin().ledgerTransaction.count({ where: { kind: "payout_reversal", reference: payout.id } })).toBe(1);
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("are the store's own: another store can't read or pay them", async () => {
    const payout = await admin().payout.findFirstOrThrow({ where: { tenantId: demo.summit.id } });
    await expect(withTenant(demo.database.app, demo.aurora.id, (tx) => payoutStatement(tx, demo.aurora.id, payout.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await executePayout(demo.database.app, fakes.gateway, demo.aurora.id, payout.id)).toBe("done");
  });
});

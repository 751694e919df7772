import { randomUUID } from "node:crypto";
import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantBalances, unbalancedTransactions } from "../ledger/index.ts";
import { buyOne, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { executePayout, financeOverview, openDuePayouts, payoutDue, payoutStatement, requestPayout } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const inSummit = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(demo.database.app, demo.summit.id, fn);
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
    const made = fakes.stripe.requests.filter((request) => request.path === "/v1/transfers" && request.idempotencyKey === payoutId && !request.replayed);
    expect(made).toHaveLength(1);
    expect(await admin().payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({ status: "paid", amount: owed, provider: "stripe" });

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
      expect(now).toEqual({ currency: "USD", pending: before.pending + owedForSale, available: before.available });
      if (now.available <= 0n) await expect(requestPayout(demo.database.app, demo.summit.id, "USD", randomUUID())).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await usd(new Date(Date.now() + 8 * 86_400_000))).toEqual({ currency: "USD", pending: 0n, available: now.available + now.pending });
    } finally {
      await admin().tenant.update({ where: { id: demo.summit.id }, data: { payoutHoldDays: 0 } });
    }
  });

  it("give the money back to the balance when the provider refuses the payout", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const payout = await requestPayout(demo.database.app, demo.summit.id, "USD", randomUUID());
    const account = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.summit.id, provider: "stripe" } });
    // The account can't receive transfers any more (Stripe disabled it): the transfer is refused.
    fakes.stripe.state.accounts.get(account.accountId)!.capabilities = { transfers: "inactive" };
    await expect(executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).rejects.toThrow();
    fakes.stripe.state.accounts.get(account.accountId)!.capabilities = { transfers: "active" };
    // A refusal that throws leaves it open for the resume sweep, which pays it once Stripe accepts.
    expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("paid");
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("give up on a payout refused attempt after attempt, returning its money to the balance", async () => {
    await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
    const owed = await available("USD");
    const payout = await requestPayout(demo.database.app, demo.summit.id, "USD", randomUUID());
    expect(await available("USD")).toBe(0n);
    const account = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.summit.id, provider: "stripe" } });
    fakes.stripe.state.accounts.get(account.accountId)!.capabilities = { transfers: "inactive" };
    try {
      await admin().payout.update({ where: { id: payout.id }, data: { attempts: 12 } });
      expect(await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout.id)).toBe("failed");
    } finally {
      fakes.stripe.state.accounts.get(account.accountId)!.capabilities = { transfers: "active" };
    }
    expect(await admin().payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "failed" });
    expect(await available("USD")).toBe(owed);
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("are the store's own: another store can't read or pay them", async () => {
    const payout = await admin().payout.findFirstOrThrow({ where: { tenantId: demo.summit.id } });
    await expect(withTenant(demo.database.app, demo.aurora.id, (tx) => payoutStatement(tx, demo.aurora.id, payout.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await executePayout(demo.database.app, fakes.gateway, demo.aurora.id, payout.id)).toBe("done");
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { alterPosting, buyOne, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { executePayout, reconcileDay, requestPayout } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const today = () => new Date();
const DAY_MS = 86_400_000;

const issuesOf = (reference: string) => admin().reconciliationIssue.findMany({ where: { reference }, orderBy: { kind: "asc" } });

/** A Summit sale paid out at once through Stripe: the payout as our row has it after executing. */
async function stripePayout() {
  await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
  const [payout] = await requestPayout(demo.database.app, demo.summit.id, "USD", randomUUID(), "seller-1");
  await executePayout(demo.database.app, fakes.gateway, demo.summit.id, payout!.id);
  return admin().payout.findUniqueOrThrow({ where: { id: payout!.id } });
}

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await admin().tenant.update({ where: { id: demo.summit.id }, data: { payoutHoldDays: 0 } });
});

describe("the daily reconciliation, of payouts", () => {
  it("reports nothing for a Stripe payout that agrees, and a paid one the bank returned once, however often the day is run, correcting nothing", async () => {
    const agreeing = await stripePayout();
    const returned = await stripePayout();
    expect([agreeing.status, returned.status]).toEqual(["paid", "paid"]);
    fakes.stripe.settlePayout(returned.providerPayoutId!, { status: "failed", failureCode: "account_closed", failureMessage: "The bank account has been closed." });

    const run = await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(run.payoutsChecked).toBeGreaterThanOrEqual(2);
    expect(await issuesOf(agreeing.id)).toEqual([]);
    expect(await issuesOf(returned.id)).toMatchObject([
      {
        kind: "payout_status_mismatch",
        tenantId: demo.summit.id,
        provider: "stripe",
        expected: returned.amount,
        actual: null,
        details: { currency: "USD", ours: "paid", provider: "failed", failureReason: "account_closed: The bank account has been closed.", arrivalDate: expect.any(String) },
      },
    ]);
    // A person decides: the row stays paid and no reversal is posted.
    expect(await admin().payout.findUniqueOrThrow({ where: { id: returned.id } })).toMatchObject({ status: "paid" });
    expect(await admin().ledgerTransaction.count({ where: { kind: "payout_reversal", reference: returned.id } })).toBe(0);

    const issues = await admin().reconciliationIssue.count();
    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());
    expect(await admin().reconciliationIssue.count()).toBe(issues);
  });

  it("finds a bank's return days after the payout was paid and last changed, while banks may still return it", async () => {
    const recent = await stripePayout();
    const old = await stripePayout();
    for (const [payout, daysAgo] of [[recent, 4], [old, 12]] as const) {
      const then = new Date(Date.now() - daysAgo * DAY_MS);
      await admin().payout.update({ where: { id: payout.id }, data: { paidAt: then, updatedAt: then } });
      fakes.stripe.settlePayout(payout.providerPayoutId!, { status: "failed" });
    }

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(await issuesOf(recent.id)).toMatchObject([{ kind: "payout_status_mismatch", details: { ours: "paid", provider: "failed" } }]);
    expect(await issuesOf(old.id)).toEqual([]);
  });

  it("reports a payout Stripe has no record of, and one whose amount differs from Stripe's (its postings then differ from the row too)", async () => {
    const missing = await stripePayout();
    const misstated = await stripePayout();
    await admin().payout.update({ where: { id: missing.id }, data: { providerPayoutId: "po_not_at_stripe" } });
    await admin().payout.update({ where: { id: misstated.id }, data: { amount: misstated.amount + 1n } });

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(await issuesOf(missing.id)).toMatchObject([{ kind: "payout_missing_at_provider", provider: "stripe", expected: missing.amount, actual: null, details: { currency: "USD" } }]);
    expect(await issuesOf(misstated.id)).toMatchObject([
      { kind: "payout_amount_mismatch", expected: misstated.amount + 1n, actual: misstated.amount, details: { currency: "USD" } },
      { kind: "payout_ledger_mismatch", expected: misstated.amount, actual: misstated.amount + 1n, details: { posting: "payout", currency: "USD" } },
    ]);
  });

  it("reports a payout posting altered by hand as payout_ledger_mismatch, the ledger against the row", async () => {
    const payout = await stripePayout();
    // The posting now takes 100 less out of Stripe's cash than the payout paid.
    await alterPosting(admin(), { tenantId: demo.summit.id, currency: "USD", kind: "payout", reference: payout.id }, { "cash:stripe": 100n, "tenant:payable": -100n });

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(await issuesOf(payout.id)).toMatchObject([
      { kind: "payout_ledger_mismatch", provider: "stripe", expected: payout.amount - 100n, actual: payout.amount, details: { posting: "payout", currency: "USD" } },
    ]);
  });

  it("leaves a payout still processing to the resume sweep for a day, then reports Stripe having settled it", async () => {
    fakes.stripe.payoutsInTransit(true);
    const payout = await stripePayout().finally(() => fakes.stripe.payoutsInTransit(false));
    expect(payout.status).toBe("processing");
    fakes.stripe.settlePayout(payout.providerPayoutId!, { status: "paid" });

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());
    expect(await issuesOf(payout.id)).toEqual([]);

    // Untouched since the day before yesterday: the sweep stopped asking. Reconciled today, it is checked because it is processing.
    await admin().payout.update({ where: { id: payout.id }, data: { updatedAt: new Date(Date.now() - 2 * DAY_MS) } });
    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());
    expect(await issuesOf(payout.id)).toMatchObject([{ kind: "payout_status_mismatch", details: { ours: "processing", provider: "paid" } }]);
  });

  it("goes on past a payout Stripe couldn't be asked about, and leaves out payouts that are records only", async () => {
    const unreadable = await stripePayout();
    const returned = await stripePayout();
    fakes.stripe.settlePayout(returned.providerPayoutId!, { status: "failed" });
    // The SDK tries three times; every answer is lost.
    for (let attempt = 0; attempt < 3; attempt++) fakes.stripe.dropNextResponse(`/v1/payouts/${unreadable.providerPayoutId}`);
    // A sandbox payout, as the test provider's are: nothing at a provider, and no postings here to hold it to.
    const record = await admin().payout.create({
      data: { tenantId: demo.summit.id, amount: 500n, currency: "USD", provider: "test", status: "paid", providerPayoutId: "test_payout_x", periodStart: today(), periodEnd: today(), idempotencyKey: randomUUID() },
    });

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(await issuesOf(unreadable.id)).toMatchObject([{ kind: "payout_read_failed", provider: "stripe", details: { error: expect.any(String) } }]);
    expect((await issuesOf(returned.id)).map((issue) => issue.kind)).toEqual(["payout_status_mismatch"]);
    expect(await issuesOf(record.id)).toEqual([]);
  });
});

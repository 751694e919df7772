import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { unbalancedTransactions } from "../ledger/index.ts";
import { buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { commissionToReverse, requestRefund, retryPendingRefunds } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const refund = (paymentId: string, amount: bigint, idempotencyKey = randomUUID()) =>
  requestRefund(demo.database.app, fakes.gateway, demo.summit.id, { paymentId, amount, requestedBy: "seller-1", idempotencyKey });
const paidByCard = async () => (await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" })).payment;
const ledgerOf = async (reference: string) =>
  (await admin().ledgerEntry.findMany({ where: { transaction: { reference } }, include: { account: true } })).map((entry) => [entry.account.code, entry.amount]);
const stripeRefunds = () => [...fakes.stripe.state.refunds.values()];

let sellerAccount: string;

beforeAll(async () => {
  sellerAccount = await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await admin().tenant.update({ where: { id: demo.summit.id }, data: { commissionBps: 1_000, refundCommission: "reverse" } });
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, 7201);
  await useProviders(admin(), demo.aurora, { card: "mercadopago" }, ["card"]);
});

describe("refunds", () => {
  it("go through the provider with our key, give back the commission's share, and end fully refunded", async () => {
    const payment = await paidByCard();
    const commission = payment.amount / 10n;
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ capturedAmount: payment.amount, commissionAmount: commission });

    const first = await refund(payment.id, 1_001n);
    expect(first).toMatchObject({ amount: 1_001n, status: "succeeded" });
    expect(fakes.stripe.requests.filter((request) => request.path === "/v1/refunds" && request.method === "POST").at(-1)?.idempotencyKey).toBe(first.id);
    const firstRow = await admin().refund.findUniqueOrThrow({ where: { id: first.id } });
    expect(firstRow.commissionReversed).toBe(commissionToReverse({ commissionAmount: commission, capturedAmount: payment.amount }, 0n, 1_001n, 0n));
    expect(await ledgerOf(first.id)).toEqual(
      expect.arrayContaining([
        ["cash:stripe", -1_001n],
        ["tenant:payable", 1_001n - firstRow.commissionReversed],
        ["platform:commission", firstRow.commissionReversed],
      ]),
    );

    const rest = await refund(payment.id, payment.amount - 1_001n);
    expect(rest.status).toBe("succeeded");
    const refunds = await admin().refund.findMany({ where: { paymentId: payment.id } });
    // The parts give back exactly the commission taken, not a cent more or less.
    expect(refunds.reduce((sum, row) => sum + row.commissionReversed, 0n)).toBe(commission);
    const order = await admin().order.findFirstOrThrow({ where: { payments: { some: { id: payment.id } } }, include: { statusChanges: true } });
    expect(order.status).toBe("refunded");
    expect(order.statusChanges.filter((change) => change.note?.startsWith("refund:"))).toHaveLength(2);
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "refunded", refundedAmount: payment.amount });
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("never exceed what was captured: too much is refused with nothing written, and racing refunds can't overdraw", async () => {
    const payment = await paidByCard();
    const before = { refunds: await admin().refund.count(), stripe: stripeRefunds().length };
    await expect(refund(payment.id, payment.amount + 1n)).rejects.toMatchObject({ code: "REFUND_EXCEEDS_CAPTURED" });
    expect({ refunds: await admin().refund.count(), stripe: stripeRefunds().length }).toEqual(before);

    const racing = await Promise.allSettled(Array.from({ length: 8 }, () => refund(payment.id, payment.amount)));
    expect(racing.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ refundedAmount: payment.amount, status: "refunded" });
    await expect(refund(payment.id, 1n)).rejects.toMatchObject({ code: "REFUND_NOT_ALLOWED" });
  });

  it("make one refund of a double submit", async () => {
    const payment = await paidByCard();
    const key = randomUUID();
    const [a, b] = await Promise.all([refund(payment.id, 500n, key), refund(payment.id, 500n, key)]);
    expect(a.id).toBe(b.id);
    expect(await admin().refund.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ refundedAmount: 500n });
  });

  it("keep a refund whose answer was lost pending, and make exactly one when retried", async () => {
    const payment = await paidByCard();
    fakes.stripe.dropNextResponse("/v1/refunds");
    fakes.stripe.dropNextResponse("/v1/refunds");
    fakes.stripe.dropNextResponse("/v1/refunds");
    await expect(refund(payment.id, 700n)).rejects.toMatchObject({ code: "PAYMENT_PROVIDER_FAILED" });
    const pending = await admin().refund.findFirstOrThrow({ where: { paymentId: payment.id } });
    expect(pending.status).toBe("pending");

    const run = await retryPendingRefunds(admin(), demo.database.app, fakes.gateway, new Date(Date.now() + 1_000));
    expect(run).toMatchObject({ retried: 1, failed: [] });
    expect(await admin().refund.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "succeeded" });
    expect(stripeRefunds().filter((made) => made.payment_intent === payment.providerPaymentId)).toHaveLength(1);
  });

  it("move the seller's Stripe balance as the ledger moves its payable: our fee back under `reverse`, kept under `keep`", async () => {
    for (const policy of ["reverse", "keep"] as const) {
      await admin().tenant.update({ where: { id: demo.summit.id }, data: { refundCommission: policy } });
      const payment = await paidByCard();
      const before = fakes.stripe.balanceOf(sellerAccount, "usd");
      const made = await refund(payment.id, 2_000n);
      const { commissionReversed } = await admin().refund.findUniqueOrThrow({ where: { id: made.id } });
      expect(commissionReversed > 0n).toBe(policy === "reverse");
      expect(await ledgerOf(made.id)).toEqual(expect.arrayContaining([["tenant:payable", 2_000n - commissionReversed]]));
      expect(before - fakes.stripe.balanceOf(sellerAccount, "usd")).toBe(Number(2_000n - commissionReversed));
      const sent = fakes.stripe.requests.filter((request) => request.path === "/v1/refunds" && request.method === "POST").at(-1);
      expect(sent?.params).toMatchObject({ reverse_transfer: "true", refund_application_fee: String(policy === "reverse") });
    }
    await admin().tenant.update({ where: { id: demo.summit.id }, data: { refundCommission: "reverse" } });
  });

  it("refunds only the store's own payments", async () => {
    const payment = await paidByCard();
    await expect(requestRefund(demo.database.app, fakes.gateway, demo.aurora.id, { paymentId: payment.id, amount: 100n, requestedBy: "x", idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("Mercado Pago refunds", () => {
  it("give our fee back in proportion whatever the store's policy, as Mercado Pago itself does", async () => {
    await admin().tenant.update({ where: { id: demo.aurora.id }, data: { refundCommission: "keep" } });
    const { payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve", paymentMethodId: "visa" });
    const { commissionAmount, capturedAmount } = await admin().payment.findUniqueOrThrow({ where: { id: payment.id } });
    const made = await requestRefund(demo.database.app, fakes.gateway, demo.aurora.id, { paymentId: payment.id, amount: 3_000n, requestedBy: "seller-1", idempotencyKey: randomUUID() });

    expect(made.status).toBe("succeeded");
    const { commissionReversed } = await admin().refund.findUniqueOrThrow({ where: { id: made.id } });
    expect(commissionReversed).toBe(commissionToReverse({ commissionAmount, capturedAmount }, 0n, 3_000n, 0n));
    expect(commissionReversed).toBeGreaterThan(0n);
    expect(await ledgerOf(made.id)).toEqual(expect.arrayContaining([["platform:commission", commissionReversed]]));
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });
});

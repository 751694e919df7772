import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { unbalancedTransactions } from "../ledger/index.ts";
import { buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;

/** Attempts each SDK makes at one call before giving up: Stripe's maxNetworkRetries here is 2, MP's SDK retries 3 times. */
const SDK_ATTEMPTS = { stripe: 3, mercadopago: 4 };

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, 7301);
  await useProviders(admin(), demo.aurora, { card: "mercadopago" }, ["card"]);
});

const cases = [
  {
    provider: "stripe" as const,
    checkout: (key: string) => buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" }, 1, key),
    drop: () => fakes.stripe.dropNextResponse("/v1/payment_intents"),
    charges: () => [...fakes.stripe.state.paymentIntents.values()].map((intent) => intent.id),
    keysSent: () => fakes.stripe.requests.filter((request) => request.method === "POST" && request.path === "/v1/payment_intents").map((request) => request.idempotencyKey),
  },
  {
    provider: "mercadopago" as const,
    checkout: (key: string) => buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve", paymentMethodId: "visa" }, 1, key),
    drop: () => fakes.mercadopago.dropNextResponse("/v1/payments"),
    charges: () => [...fakes.mercadopago.payments.keys()],
    keysSent: () => fakes.mercadopago.requests.filter((request) => request.method === "POST" && request.path === "/v1/payments").map((request) => request.headers["x-idempotency-key"]),
  },
];

describe("a charge whose answer never comes back over the wire", () => {
  it.each(cases)("at $provider leaves the checkout to be submitted again, which charges once and pays that one order", async (scenario) => {
    const key = randomUUID();
    const chargesBefore = scenario.charges().length;
    const sentBefore = scenario.keysSent().length;
    // The provider charges the card, and neither its answer nor those to the SDK's own retries arrive.
    for (let attempt = 0; attempt < SDK_ATTEMPTS[scenario.provider]; attempt++) scenario.drop();
    await expect(scenario.checkout(key)).rejects.toThrow();
    const order = await admin().order.findFirstOrThrow({ where: { idempotencyKey: key }, include: { payments: true } });
    expect(order.payments).toMatchObject([{ provider: scenario.provider, status: "pending" }]);

    const { placed, payment } = await scenario.checkout(key);
    expect(placed).toMatchObject({ id: order.id, status: "paid" });
    expect(payment).toMatchObject({ id: order.payments[0]!.id, status: "paid" });
    expect(scenario.charges().length - chargesBefore).toBe(1);
    // Every attempt, ours and the SDK's, carried the payment's one key.
    const keys = scenario.keysSent().slice(sentBefore);
    expect(keys).toHaveLength(SDK_ATTEMPTS[scenario.provider] + 1);
    expect(new Set(keys).size).toBe(1);
    expect(await admin().order.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await admin().ledgerTransaction.count({ where: { kind: "capture", reference: payment.id } })).toBe(1);
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });
});

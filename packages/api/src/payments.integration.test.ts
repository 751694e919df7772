import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor, portalRequest, portalSession, rejection, seededApi, shippingRateOf } from "./testing/index.ts";
import { handleWebhook } from "./webhooks.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;

const portal = async (email: string, store?: string) => portalRequest(seeded.deps, await portalSession(seeded.deps, email), store);

/** A shopper's card order on Aurora, paid at once by the test provider. */
async function paidOrder() {
  const { caller } = await callerFor(seeded.deps, "storefront", { host: "aurora.localhost" });
  const variant = await admin().variant.findFirstOrThrow({ where: { product: { slug: "camiseta-algodao-organico" } }, orderBy: { position: "asc" } });
  await admin().inventoryLevel.updateMany({ where: { variantId: variant.id }, data: { onHand: 100 } });
  const order = await caller.orders.place({
    idempotencyKey: randomUUID(),
    email: "refund-me@example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: variant.id, quantity: 1 }],
    shippingAddress: { name: "Bia", line1: "Rua C", number: "5", city: "Salvador", region: "BA", postalCode: "40000-000", country: "BR", taxId: "529.982.247-25" },
    shippingRateId: await shippingRateOf(admin(), "aurora", "Expresso"),
    payment: { method: "card", installments: 1, fields: { token: "tok_approve" } },
  });
  return { order, payment: await admin().payment.findFirstOrThrow({ where: { orderId: order.id } }) };
}

describe("payment settings", () => {
  it("show the store's setup without any credential, and save methods, providers and the payout schedule", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const settings = await ana.payments.settings();
    expect(settings).toMatchObject({ configuredProviders: ["test"], commissionBps: expect.any(Number), accounts: [] });
    expect(JSON.stringify(settings, (_, value) => (typeof value === "bigint" ? value.toString() : value))).not.toMatch(/credentials|accessToken/);

    await ana.payments.updateSettings({ checkout: { ...settings.checkout, pixExpiryMinutes: 45 }, payoutSchedule: "monthly" });
    expect(await ana.payments.settings()).toMatchObject({ checkout: { pixExpiryMinutes: 45 }, payoutSchedule: "monthly" });
  });

  it("refuse bad input with a clear error, changing nothing", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const before = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const settings = await ana.payments.settings();
    const error = await rejection(ana.payments.updateSettings({ checkout: { ...settings.checkout, installments: { max: 13, interestFree: 1, monthlyInterestBps: 0 } }, payoutSchedule: "monthly" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "VALIDATION" });
    expect(await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } })).toEqual(before);
  });

  it("are each store's own, and only for roles that handle money", async () => {
    const anaOnSummit = await portal("ana@aurora.example", "summit");
    expect((await rejection(anaOnSummit.payments.settings())).code).toBe("FORBIDDEN");
    const membership = await admin().membership.findFirstOrThrow({ where: { user: { email: "ana@aurora.example" }, tenant: { slug: "aurora" } } });
    const refund = () => ({ paymentId: randomUUID(), amount: 1n, idempotencyKey: randomUUID() });
    const { checkout } = await (await portal("ana@aurora.example", "aurora")).payments.settings();
    await admin().membership.update({ where: { id: membership.id }, data: { role: "staff" } });
    const refunder = await admin().tenantRole.create({ data: { tenantId: membership.tenantId, name: "Refunds desk", permissions: ["refunds:write"] } });
    try {
      const staff = await portal("ana@aurora.example", "aurora");
      expect((await rejection(staff.payments.finance())).code).toBe("FORBIDDEN");
      expect((await rejection(staff.payments.refund(refund()))).code).toBe("FORBIDDEN");
      expect((await rejection(staff.payments.settings())).code).toBe("FORBIDDEN");

      // A store's own role grants just what it names: refunds, not balances or settings.
      await admin().membership.update({ where: { id: membership.id }, data: { role: "custom", roleId: refunder.id } });
      const desk = await portal("ana@aurora.example", "aurora");
      expect((await rejection(desk.payments.refund(refund()))).code).toBe("NOT_FOUND");
      expect((await rejection(desk.payments.finance())).code).toBe("FORBIDDEN");
      expect((await rejection(desk.payments.updateSettings({ checkout, payoutSchedule: "monthly" }))).code).toBe("FORBIDDEN");
      expect(await desk.orders.sellerList({})).toBeDefined();
    } finally {
      await admin().membership.update({ where: { id: membership.id }, data: { role: membership.role, roleId: null } });
      await admin().tenantRole.delete({ where: { id: refunder.id } });
    }
  });

  it("can't connect a provider this platform has no keys for", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const error = await rejection(ana.payments.connect({ provider: "stripe" }));
    expect(error).toMatchObject({ message: "PAYMENT_PROVIDER_UNAVAILABLE" });
  });
});

describe("refunds from the portal", () => {
  it("refund part of an order, show it on the order, and refuse more than is left", async () => {
    const { order, payment } = await paidOrder();
    const ana = await portal("ana@aurora.example", "aurora");
    const refund = await ana.payments.refund({ paymentId: payment.id, amount: 1_000n, reason: "Tamanho errado", idempotencyKey: randomUUID() });
    expect(refund).toMatchObject({ amount: 1_000n, currency: "BRL", status: "succeeded" });

    const detail = await ana.orders.sellerGet({ number: order.number });
    expect(detail.payments[0]).toMatchObject({ status: "partially_refunded", refundedAmount: 1_000n, refunds: [{ amount: 1_000n, reason: "Tamanho errado" }] });
    expect(detail.statusChanges.at(-1)).toMatchObject({ status: "paid", note: "refund:1000:BRL" });

    const before = await admin().refund.count();
    const errors = await Promise.all([
      rejection(ana.payments.refund({ paymentId: payment.id, amount: payment.amount, idempotencyKey: randomUUID() })),
      rejection(ana.payments.refund({ paymentId: payment.id, amount: 0n, idempotencyKey: randomUUID() })),
      rejection(ana.payments.refund({ paymentId: "not-a-uuid", amount: 5n, idempotencyKey: randomUUID() })),
    ]);
    expect(errors.map((error) => error.message)).toEqual(["REFUND_EXCEEDS_CAPTURED", "VALIDATION", "VALIDATION"]);
    expect(await admin().refund.count()).toBe(before);
    // Who refunded, recorded with the refund; the refused ones recorded nothing.
    expect(await admin().auditLog.findMany({ where: { action: "refund.requested", data: { path: ["paymentId"], equals: payment.id } } })).toMatchObject([
      { actorType: "user", data: { amount: "1000", currency: "BRL", reason: "Tamanho errado" } },
    ]);
  });

  it("can't refund another store's payment or read its orders", async () => {
    const { order, payment } = await paidOrder();
    const sam = await portal("sam@summit.example", "summit");
    expect((await rejection(sam.payments.refund({ paymentId: payment.id, amount: 100n, idempotencyKey: randomUUID() }))).message).toBe("NOT_FOUND");
    expect((await rejection(sam.orders.sellerGet({ number: order.number + 100_000 }))).message).toBe("NOT_FOUND");
  });
});

describe("finance", () => {
  it("show balances and a requested payout with its statement", async () => {
    await paidOrder();
    await admin().tenant.update({ where: { slug: "aurora" }, data: { payoutHoldDays: 0 } });
    const ana = await portal("ana@aurora.example", "aurora");
    const finance = await ana.payments.finance();
    const brl = finance.balances.find((line) => line.currency === "BRL")!;
    expect(brl.available).toBeGreaterThan(0n);

    const requested = await ana.payments.requestPayout({ currency: "BRL", idempotencyKey: randomUUID() });
    expect(requested.amount).toBe(brl.available);
    expect(requested.payouts).toHaveLength(1);
    const payout = requested.payouts[0]!;
    expect((await rejection(ana.payments.requestPayout({ currency: "BRL", idempotencyKey: randomUUID() }))).message).toBe("CONFLICT");
    expect(await admin().auditLog.count({ where: { action: "payout.requested", entityId: payout.id } })).toBe(1);
    const statement = await ana.payments.payoutStatement({ payoutId: payout.id });
    expect(statement.openingBalance + statement.lines.reduce((sum, line) => sum + line.amount, 0n)).toBe(payout.amount);
    expect((await ana.payments.finance()).payouts[0]).toMatchObject({ id: payout.id, status: "pending" });

    const sam = await portal("sam@summit.example", "summit");
    expect((await rejection(sam.payments.payoutStatement({ payoutId: payout.id }))).message).toBe("NOT_FOUND");
  });

  it("lists reconciliation differences for platform staff only", async () => {
    expect(await (await portal("staff@primestore.example")).payments.reconciliationIssues()).toEqual([]);
    expect((await rejection((await portal("ana@aurora.example")).payments.reconciliationIssues())).code).toBe("FORBIDDEN");
  });

  it("gives a provider payment we don't hold the currency the provider named, and a failed listing no amounts", async () => {
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const day = new Date("2025-03-11T00:00:00Z");
    const details = { paymentId: randomUUID(), status: "paid", currency: "BRL" };
    await admin().reconciliationIssue.createMany({
      data: [
        { tenantId: store.id, day, provider: "mercadopago", kind: "unknown_at_provider", reference: "1310000001", actual: 4250n, details },
        { tenantId: store.id, day, provider: "mercadopago", kind: "listing_failed", reference: "7001", details: { error: "invalid access token" } },
      ],
    });
    const issues = await (await portal("staff@primestore.example")).payments.reconciliationIssues();
    expect(issues.find((issue) => issue.kind === "unknown_at_provider")).toMatchObject({ reference: "1310000001", expected: null, actual: 4250n, currency: "BRL", details });
    expect(issues.find((issue) => issue.kind === "listing_failed")).toMatchObject({ expected: null, actual: null, currency: null, details: { error: "invalid access token" } });
    await admin().reconciliationIssue.deleteMany({ where: { day } });
  });

  it("gives a payout's difference the payout's currency, its id being no payment's", async () => {
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "summit" } });
    const day = new Date("2025-03-12T00:00:00Z");
    const details = { currency: "USD", ours: "paid", provider: "failed" };
    await admin().reconciliationIssue.create({ data: { tenantId: store.id, day, provider: "stripe", kind: "payout_status_mismatch", reference: randomUUID(), expected: 9000n, details } });
    const issues = await (await portal("staff@primestore.example")).payments.reconciliationIssues();
    expect(issues.find((issue) => issue.kind === "payout_status_mismatch")).toMatchObject({ expected: 9000n, actual: null, currency: "USD", details });
    await admin().reconciliationIssue.deleteMany({ where: { day } });
  });
});

describe("the webhook endpoint", () => {
  it("answers 404 for providers it doesn't know or isn't configured for, 405 for reads, 413 for floods", async () => {
    const post = (provider: string, body = "{}", method = "POST") =>
      handleWebhook(seeded.deps, provider, new Request(`http://localhost/webhooks/${provider}`, { method, ...(method === "GET" ? {} : { body }) }));
    expect((await post("paypal")).status).toBe(404);
    expect((await post("stripe")).status).toBe(404);
    expect((await post("stripe", "", "GET")).status).toBe(405);
    expect((await post("mercadopago", "{}", "PUT")).status).toBe(405);
    expect((await post("mercadopago", "x".repeat(300_000))).status).toBe(413);
    expect(await admin().inboxEvent.count()).toBe(0);
  });
});

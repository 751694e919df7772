import { randomUUID } from "node:crypto";
import { orderAccessToken } from "@primestore/core/orders";
import { isValidDigitableLine } from "@primestore/payments";
import { describe, expect, it } from "vitest";
import { callerFor, rejection, seededApi, shippingRateOf } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;

const storefront = (host: string) => callerFor(seeded.deps, "storefront", { host });

async function variantOf(slug: string) {
  return (await admin().variant.findFirstOrThrow({ where: { product: { slug } }, orderBy: { position: "asc" } })).id;
}

const brazil = { name: "Bia", line1: "Rua C", number: "5", city: "Salvador", region: "BA", postalCode: "40000-000", country: "BR", taxId: "529.982.247-25" };

async function auroraOrder(slug: string, payment: { method: "pix" | "boleto" | "card"; installments?: number }, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    email: "checkout@example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: await variantOf(slug), quantity: 1 }],
    shippingAddress: brazil,
    shippingRateId: await shippingRateOf(admin(), "aurora", "Expresso"),
    payment: { installments: 1, fields: { token: "tok_approve" }, ...payment },
    ...overrides,
  };
}

const counts = async () => ({ orders: await admin().order.count(), payments: await admin().payment.count(), reservations: await admin().inventoryReservation.count() });

describe("orders.quote", () => {
  it("offers the store's rates for the destination, its methods for the currency and card installments", async () => {
    const { caller, resHeaders } = await storefront("aurora.localhost");
    const dress = await variantOf("vestido-linho-aurora");
    const offer = await caller.orders.quote({ currency: "BRL", country: "BR", lines: [{ variantId: dress, quantity: 2 }] });
    expect(offer.subtotal).toBe(51980n);
    // 700 g: one started kilogram by weight; over R$ 299 the economy rate is free.
    expect(offer.shippingOptions.map((option) => [option.name, option.amount])).toEqual([
      ["Econômico", 0n],
      ["Expresso", 1490n],
    ]);
    expect(offer.shipping?.name).toBe("Econômico");
    expect(offer.paymentMethods).toEqual(["pix", "boleto", "card"]);
    expect(offer.installments).toHaveLength(12);
    expect(offer.installments[2]).toMatchObject({ count: 3, total: 51980n, interestFree: true });
    expect(offer.installments[3]!.interest).toBeGreaterThan(0n);
    expect(offer.sandbox).toBe(true);
    expect(resHeaders.get("cache-control")).toBe("private, no-store");

    const express = await caller.orders.quote({ currency: "BRL", country: "BR", lines: [{ variantId: dress, quantity: 2 }], shippingRateId: offer.shippingOptions[1]!.rateId });
    expect(express.shipping?.name).toBe("Expresso");
    expect(express.installments[0]!.total).toBe(51980n + 1490n);
  });

  it("offers only what applies: no Brazilian rates abroad, no PIX or boleto outside reais", async () => {
    const { caller } = await storefront("aurora.localhost");
    const shirt = await variantOf("camiseta-algodao-organico");
    expect((await caller.orders.quote({ currency: "BRL", country: "PT", lines: [{ variantId: shirt, quantity: 1 }] })).shippingOptions).toEqual([]);
    const usd = await caller.orders.quote({ currency: "USD", country: "PT", lines: [{ variantId: shirt, quantity: 1 }] });
    expect(usd.shippingOptions.map((option) => option.name)).toEqual(["International"]);
    expect(usd.paymentMethods).toEqual(["card"]);
  });

  it("rejects bad input with field errors", async () => {
    const { caller } = await storefront("aurora.localhost");
    const error = await rejection(caller.orders.quote({ currency: "BRL", country: "Brasil" }));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", "VALIDATION"]);
    const badCard = await rejection(caller.orders.quote({ currency: "BRL", country: "BR", card: { brand: "Visa<script>", bin: "4111" } }));
    expect([badCard.code, badCard.message]).toEqual(["BAD_REQUEST", "VALIDATION"]);
  });

  it("keeps the store's own installment table where the card provider doesn't price its own, whatever card is named", async () => {
    const { caller } = await storefront("aurora.localhost");
    const lines = [{ variantId: await variantOf("vestido-linho-aurora"), quantity: 1 }];
    const plain = await caller.orders.quote({ currency: "BRL", country: "BR", lines });
    expect(await caller.orders.quote({ currency: "BRL", country: "BR", lines, card: { brand: "visa", bin: "45099535" } })).toEqual(plain);
  });

  it("can't quote another store's variant", async () => {
    const { caller } = await storefront("summit.localhost");
    const error = await rejection(caller.orders.quote({ currency: "USD", country: "US", lines: [{ variantId: await variantOf("bolsa-de-palha"), quantity: 1 }] }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("placing with shipping and a payment method", () => {
  it("charges card interest beyond the interest-free installments, in the order's total", async () => {
    const { caller } = await storefront("aurora.localhost");
    const input = await auroraOrder("vestido-linho-aurora", { method: "card", installments: 6 });
    const offer = await caller.orders.quote({ currency: "BRL", country: "BR", lines: input.lines, shippingRateId: input.shippingRateId });
    const plan = offer.installments.find((candidate) => candidate.count === 6)!;
    const order = await caller.orders.place(input);
    expect(order).toMatchObject({ status: "paid", total: plan.total });
    const stored = await admin().order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(stored).toMatchObject({ subtotal: 25990n, shippingTotal: 1490n, shippingMethod: "Expresso", total: plan.total });
    expect(stored.payments[0]).toMatchObject({ method: "card", installments: 6, amount: plan.total, interestAmount: plan.interest });
    expect(plan.interest).toBe(plan.total - 25990n - 1490n);
  });

  it("refuses a buy-now subtotal the shopper wasn't shown (the price changed) and writes nothing", async () => {
    const { caller } = await storefront("aurora.localhost");
    const before = await counts();
    const stale = await rejection(caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "card" }, { expectedSubtotal: 7990n })));
    expect(stale.message).toBe("CONFLICT");
    expect(await counts()).toEqual(before);
    const placed = await caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "card" }, { expectedSubtotal: 8990n }));
    expect(placed.status).toBe("paid");
  });

  it("leaves a boleto pending with a valid line and its due date", async () => {
    const { caller } = await storefront("aurora.localhost");
    const order = await caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "boleto" }));
    const status = await caller.orders.status({ orderId: order.id, token: order.accessToken });
    expect(status.payment).toMatchObject({ method: "boleto", status: "pending", pix: null });
    expect(isValidDigitableLine(status.payment.boleto!.digitableLine)).toBe(true);
    expect(status.payment.boleto!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses what the store doesn't offer, with a clear error, and writes nothing", async () => {
    const before = await counts();
    const aurora = (await storefront("aurora.localhost")).caller;
    const summit = (await storefront("summit.localhost")).caller;
    const beanie = await variantOf("merino-beanie");
    const summitOrder = {
      idempotencyKey: randomUUID(),
      email: "refused@example.com",
      currency: "USD",
      locale: "en",
      lines: [{ variantId: beanie, quantity: 1 }],
      shippingAddress: { name: "Sam", line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" },
      shippingRateId: await shippingRateOf(admin(), "summit", "Standard"),
      payment: { method: "card" as const, installments: 1, fields: { token: "tok_approve" } },
    };
    const refusals = await Promise.all([
      rejection(summit.orders.place({ ...summitOrder, payment: { method: "boleto", installments: 1, fields: {} } })),
      rejection(summit.orders.place({ ...summitOrder, payment: { method: "card", installments: 7, fields: { token: "tok_approve" } } })),
      rejection(aurora.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "pix", installments: 2 }))),
      rejection(summit.orders.place({ ...summitOrder, shippingRateId: await shippingRateOf(admin(), "aurora", "Expresso") })),
      rejection(summit.orders.place({ ...summitOrder, shippingAddress: { ...summitOrder.shippingAddress, country: "CA" } })),
      rejection(summit.orders.place({ ...summitOrder, payment: { method: "card", installments: 13, fields: { token: "tok_approve" } } })),
    ]);
    expect(refusals.map((error) => error.message)).toEqual([
      "PAYMENT_METHOD_UNAVAILABLE",
      "INSTALLMENTS_UNAVAILABLE",
      "INSTALLMENTS_UNAVAILABLE",
      "SHIPPING_UNAVAILABLE",
      "SHIPPING_UNAVAILABLE",
      "VALIDATION",
    ]);
    expect(refusals.every((error) => error.code === "BAD_REQUEST")).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

describe("the order status link", () => {
  it("shows a PIX order with its code, polls as pending, and is paid by the sandbox's simulate button", async () => {
    const { caller } = await storefront("aurora.localhost");
    const order = await caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "pix" }));
    expect(order.status).toBe("pending_payment");
    const access = { orderId: order.id, token: order.accessToken };

    const { caller: reader, resHeaders } = await storefront("aurora.localhost");
    const status = await reader.orders.status(access);
    expect(resHeaders.get("cache-control")).toBe("private, no-store");
    expect(status).toMatchObject({ number: order.number, status: "pending_payment", shippingMethod: "Expresso", shippingTotal: 1490n, total: 8990n + 1490n });
    expect(status.payment).toMatchObject({ method: "pix", status: "pending", sandbox: true, boleto: null });
    expect(status.payment.pix!.qrCode).toMatch(/^000201/);
    expect(status.payment.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await reader.orders.paymentStatus(access)).toMatchObject({ orderStatus: "pending_payment", paymentStatus: "pending" });

    expect(await reader.orders.simulatePayment({ ...access, outcome: "paid" })).toMatchObject({ orderStatus: "paid", paymentStatus: "paid" });
    // Settled: a second report changes nothing.
    expect(await reader.orders.simulatePayment({ ...access, outcome: "expired" })).toMatchObject({ orderStatus: "paid", paymentStatus: "paid" });
    expect(await admin().outboxEvent.count({ where: { type: "order.paid", payload: { path: ["orderId"], equals: order.id } } })).toBe(1);
  });

  it("opens nothing with a wrong, malformed or other store's token, and changes nothing", async () => {
    const { caller } = await storefront("aurora.localhost");
    const order = await caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "pix" }));
    const summitTenant = await admin().tenant.findUniqueOrThrow({ where: { slug: "summit" } });

    const wrong = await rejection(caller.orders.status({ orderId: order.id, token: `${order.accessToken.slice(0, -2)}xx` }));
    expect([wrong.code, wrong.message]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    const malformed = await rejection(caller.orders.paymentStatus({ orderId: "not-an-id", token: "short" }));
    expect(malformed.message).toBe("VALIDATION");

    // Another store's host: neither aurora's token nor one minted for summit opens aurora's order.
    const summit = (await storefront("summit.localhost")).caller;
    for (const token of [order.accessToken, orderAccessToken(summitTenant.id, order.id)]) {
      expect((await rejection(summit.orders.status({ orderId: order.id, token }))).code).toBe("NOT_FOUND");
      expect((await rejection(summit.orders.simulatePayment({ orderId: order.id, token, outcome: "paid" }))).code).toBe("NOT_FOUND");
    }
    const badOutcome = await rejection(caller.orders.simulatePayment({ orderId: order.id, token: order.accessToken, outcome: "refunded" as "paid" }));
    expect(badOutcome.message).toBe("VALIDATION");
    expect(await admin().payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "pending" });
  });

  it("hides and refuses the test buttons where sandbox payments are off (production's default)", async () => {
    const { caller } = await storefront("aurora.localhost");
    const order = await caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "pix" }));
    const access = { orderId: order.id, token: order.accessToken };
    const { caller: production } = await callerFor({ ...seeded.deps, paymentsSandbox: false }, "storefront", { host: "aurora.localhost" });
    expect((await production.orders.status(access)).payment.sandbox).toBe(false);
    expect((await rejection(production.orders.simulatePayment({ ...access, outcome: "paid" }))).code).toBe("FORBIDDEN");
    expect(await admin().payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "pending" });
  });

  it("refuses to simulate a payment a real provider handles", async () => {
    const { caller } = await storefront("aurora.localhost");
    const order = await caller.orders.place(await auroraOrder("camiseta-algodao-organico", { method: "pix" }));
    await admin().payment.updateMany({ where: { orderId: order.id }, data: { provider: "mercadopago" } });
    const error = await rejection(caller.orders.simulatePayment({ orderId: order.id, token: order.accessToken, outcome: "paid" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await admin().payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "pending" });
  });
});

import { randomUUID } from "node:crypto";
import { createTestPaymentProvider, type PaymentProvider } from "@primestore/payments";
import { describe, expect, it } from "vitest";
import type { TenantInfo } from "../tenants/index.ts";
import { seededDemoStores } from "../testing/seeded-demo-stores.ts";
import { testGateway } from "../testing/test-gateway.ts";
import { withTenant, type Tx } from "@primestore/db";
import { expireOverduePayments, placeOrder, settlePayment, type CheckoutInput } from "./index.ts";
import { settlePaid } from "./settle-payment.ts";

const demo = seededDemoStores();
const provider = createTestPaymentProvider();
const gateway = testGateway(provider);

async function variantOf(slug: string) {
  return demo.database.admin.variant.findFirstOrThrow({ where: { product: { slug } }, orderBy: { position: "asc" } });
}

async function rateOf(tenant: TenantInfo, name: string) {
  return (await demo.database.admin.shippingRate.findFirstOrThrow({ where: { tenantId: tenant.id, name } })).id;
}

const levelOf = (variantId: string) => demo.database.admin.inventoryLevel.findFirstOrThrow({ where: { variantId } });
const paymentOf = (orderId: string) => demo.database.admin.payment.findFirstOrThrow({ where: { orderId } });

async function auroraCheckout(method: "pix" | "boleto" | "card"): Promise<CheckoutInput> {
  return {
    idempotencyKey: randomUUID(),
    email: "reserva@example.com",
    currency: "BRL",
    locale: "pt-BR",
    shippingAddress: { name: "Rita", line1: "Rua B", city: "Natal", region: "RN", postalCode: "59000-000", country: "BR", taxId: "52998224725" },
    shippingRateId: await rateOf(demo.aurora, "Expresso"),
    payment: { method, installments: 1, fields: {} },
  };
}

async function placePix(slug: string, quantity = 1) {
  const variant = await variantOf(slug);
  const order = await placeOrder(demo.database.app, demo.aurora, await auroraCheckout("pix"), { lines: [{ variantId: variant.id, quantity }] }, gateway);
  return { order, variant, payment: await paymentOf(order.id) };
}

describe("reservations", () => {
  it("hold the last unit for exactly one of 50 parallel shoppers, and free it when the payment expires", async () => {
    const bag = await variantOf("bolsa-de-palha");
    await demo.database.admin.inventoryLevel.updateMany({ where: { variantId: bag.id }, data: { onHand: 1, reserved: 0 } });
    const inputs = await Promise.all(Array.from({ length: 50 }, () => auroraCheckout("pix")));
    const results = await Promise.allSettled(inputs.map((input) => placeOrder(demo.database.app, demo.aurora, input, { lines: [{ variantId: bag.id, quantity: 1 }] }, gateway)));

    const placed = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(placed).toHaveLength(1);
    expect(new Set(results.flatMap((result) => (result.status === "rejected" ? [(result.reason as { code: string }).code] : [])))).toEqual(new Set(["OUT_OF_STOCK"]));
    expect(await demo.database.admin.order.count({ where: { idempotencyKey: { in: inputs.map((input) => input.idempotencyKey) } } })).toBe(1);
    expect(await levelOf(bag.id)).toMatchObject({ onHand: 1, reserved: 1 });
    expect(placed[0]).toMatchObject({ status: "pending_payment" });

    const payment = await paymentOf(placed[0]!.id);
    expect(await settlePayment(demo.database.app, demo.aurora, payment.id, "expired")).toBe(true);
    expect(await levelOf(bag.id)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await demo.database.admin.order.findUniqueOrThrow({ where: { id: placed[0]!.id }, include: { statusChanges: true } })).toMatchObject({
      status: "cancelled",
      statusChanges: expect.arrayContaining([expect.objectContaining({ status: "cancelled", note: "payment_expired" })]),
    });
    expect(await demo.database.admin.inventoryReservation.findFirstOrThrow({ where: { orderId: placed[0]!.id } })).toMatchObject({ status: "released" });
  });

  it("are held until the payment's expiry: PIX per the store's minutes, boleto to the end of its due day", async () => {
    const { order, payment } = await placePix("camiseta-algodao-organico");
    const reservation = await demo.database.admin.inventoryReservation.findFirstOrThrow({ where: { orderId: order.id } });
    expect(reservation).toMatchObject({ status: "active", expiresAt: payment.expiresAt });
    const minutes = (payment.expiresAt!.getTime() - payment.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(29.9);
    expect(minutes).toBeLessThan(30.1);
    expect(String((payment.details as Record<string, unknown>).qrCode)).toMatch(/^000201/);
  });
});

describe("settling a payment", () => {
  it("hold stock for a shopper who waited on another's hold of the same variant, when there is enough for both", async () => {
    const dress = await variantOf("vestido-linho-aurora");
    await demo.database.admin.inventoryLevel.updateMany({ where: { variantId: dress.id }, data: { onHand: 100, reserved: 0 } });
    const inAurora = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(demo.database.app, demo.aurora.id, fn);
    // The checkout's hold (primestore_place_order takes its stock through it).
    const reserveOne = (tx: Tx) => tx.$queryRaw`SELECT primestore_reserve_stock(${demo.aurora.id}::uuid, ${dress.id}::uuid, 1) AS "locationId"`;
    // The first keeps its transaction open on the level's row lock; the second queues behind it.
    const first = inAurora(async (tx) => {
      await reserveOne(tx);
      await tx.$queryRaw`SELECT 1 AS slept FROM pg_sleep(0.3)`;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = inAurora(reserveOne);
    await Promise.all([first, second]);
    expect(await levelOf(dress.id)).toMatchObject({ onHand: 100, reserved: 2 });
  });

  it("commits the stock once when paid twice, in parallel", async () => {
    const { order, variant, payment } = await placePix("camiseta-algodao-organico", 2);
    const before = await levelOf(variant.id);
    const outcomes = await Promise.all([settlePayment(demo.database.app, demo.aurora, payment.id, "paid"), settlePayment(demo.database.app, demo.aurora, payment.id, "paid")]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await levelOf(variant.id)).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved - 2 });
    expect(await demo.database.admin.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "paid" });
    expect(await demo.database.admin.outboxEvent.count({ where: { type: "order.paid", payload: { path: ["orderId"], equals: order.id } } })).toBe(1);
    expect(await demo.database.admin.orderStatusChange.count({ where: { orderId: order.id, status: "paid" } })).toBe(1);
  });

  it("changes nothing when paid after it expired", async () => {
    const { order, variant, payment } = await placePix("camiseta-algodao-organico");
    expect(await settlePayment(demo.database.app, demo.aurora, payment.id, "expired")).toBe(true);
    const afterExpiry = await levelOf(variant.id);
    expect(await settlePayment(demo.database.app, demo.aurora, payment.id, "paid")).toBe(false);
    expect(await levelOf(variant.id)).toEqual(afterExpiry);
    expect(await paymentOf(order.id)).toMatchObject({ status: "expired" });
    expect(await demo.database.admin.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "cancelled" });
  });

  it("finds nothing of another store's payment", async () => {
    const { payment } = await placePix("camiseta-algodao-organico");
    expect(await settlePayment(demo.database.app, demo.summit, payment.id, "paid")).toBe(false);
    expect(await demo.database.admin.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "pending" });
  });

  it("in one statement, pays nothing of another store's and refuses a transaction scoped to another store", async () => {
    const { payment, variant } = await placePix("camiseta-algodao-organico");
    const before = await levelOf(variant.id);
    expect(await settlePaid(demo.database.app, demo.summit.id, payment, 500, {})).toBe(false);
    const scopedToSummit = withTenant(demo.database.app, demo.summit.id, (tx) => settlePaid(tx, demo.aurora.id, payment, 500, {}));
    await expect(scopedToSummit).rejects.toThrow(/scoped to another store/);
    expect(await demo.database.admin.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "pending", capturedAmount: 0n });
    expect(await levelOf(variant.id)).toEqual(before);
    expect(await demo.database.admin.ledgerTransaction.count({ where: { reference: payment.id } })).toBe(0);
  });

  it("in one statement, refuses a capture computed for another amount and changes nothing", async () => {
    const { payment } = await placePix("camiseta-algodao-organico");
    await expect(settlePaid(demo.database.app, demo.aurora.id, { ...payment, amount: payment.amount + 1n }, 500, {})).rejects.toThrow(/capture was computed for/);
    expect(await demo.database.admin.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "pending", capturedAmount: 0n });
  });
});

describe("the expiry sweep", () => {
  /** A gateway that hasn't answered a card yet: the payment stays pending until its hold ends. */
  const slowGateway: PaymentProvider = {
    ...provider,
    createPayment: async (input) => ({ providerPaymentId: `slow_${input.idempotencyKey}`, status: "pending", details: {} }),
  };

  it("expires overdue pending payments across stores and leaves the rest", async () => {
    const pix = await placePix("vestido-linho-aurora");
    const boleto = await placeOrder(demo.database.app, demo.aurora, await auroraCheckout("boleto"), { lines: [{ variantId: pix.variant.id, quantity: 1 }] }, gateway);
    const beanie = await variantOf("merino-beanie");
    const card = await placeOrder(
      demo.database.app,
      demo.summit,
      {
        idempotencyKey: randomUUID(),
        email: "slow@example.com",
        currency: "USD",
        locale: "en",
        shippingAddress: { name: "Sam", line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" },
        shippingRateId: await rateOf(demo.summit, "Standard"),
        payment: { method: "card", installments: 1, fields: {} },
      },
      { lines: [{ variantId: beanie.id, quantity: 1 }] },
      testGateway(slowGateway),
    );
    const beanieHeld = await levelOf(beanie.id);
    expect(beanieHeld.reserved).toBeGreaterThan(0);

    expect(await expireOverduePayments(demo.database.admin, demo.database.app, { now: new Date() })).toEqual({ expired: 0, failed: [] });
    const later = new Date(Date.now() + 31 * 60_000);
    const run = await expireOverduePayments(demo.database.admin, demo.database.app, { now: later });
    expect(run.expired).toBeGreaterThanOrEqual(2);
    expect(run.failed).toEqual([]);
    expect(await paymentOf(pix.order.id)).toMatchObject({ status: "expired" });
    expect(await paymentOf(card.id)).toMatchObject({ status: "expired" });
    expect(await paymentOf(boleto.id)).toMatchObject({ status: "pending" });
    expect(await levelOf(beanie.id)).toMatchObject({ reserved: beanieHeld.reserved - 1 });
    // Run again: nothing left to do.
    expect(await expireOverduePayments(demo.database.admin, demo.database.app, { now: later })).toEqual({ expired: 0, failed: [] });
  });

  it("reports a payment it can't settle and still expires the others", async () => {
    const broken = await placePix("camiseta-algodao-organico");
    const healthy = await placePix("vestido-linho-aurora");
    // Its held unit is gone from the level (edited by hand): releasing it would break reserved >= 0.
    await demo.database.admin.inventoryLevel.updateMany({ where: { variantId: broken.variant.id }, data: { reserved: 0 } });

    const run = await expireOverduePayments(demo.database.admin, demo.database.app, { now: new Date(Date.now() + 31 * 60_000) });
    expect(run.failed.map((failure) => failure.paymentId)).toEqual([broken.payment.id]);
    expect(run.expired).toBeGreaterThanOrEqual(1);
    expect(await paymentOf(healthy.order.id)).toMatchObject({ status: "expired" });
    expect(await paymentOf(broken.order.id)).toMatchObject({ status: "pending" });
  });
});

describe("a lost gateway answer", () => {
  it("leaves the order to the retry with the same key, which charges once and pays that order", async () => {
    const charges = new Set<string>();
    let loseNextAnswer = true;
    // The gateway charges, then the connection drops before its answer arrives.
    const flaky: PaymentProvider = {
      ...provider,
      async createPayment(input) {
        const result = await provider.createPayment(input);
        charges.add(result.providerPaymentId);
        if (loseNextAnswer) {
          loseNextAnswer = false;
          throw new Error("socket hang up");
        }
        return result;
      },
    };
    const variant = await variantOf("camiseta-algodao-organico");
    const input = await auroraCheckout("card");
    const source = { lines: [{ variantId: variant.id, quantity: 1 }] };
    await expect(placeOrder(demo.database.app, demo.aurora, input, source, testGateway(flaky))).rejects.toThrow("socket hang up");
    const retried = await placeOrder(demo.database.app, demo.aurora, input, source, testGateway(flaky));

    expect(retried.status).toBe("paid");
    expect(charges.size).toBe(1);
    expect(await demo.database.admin.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await paymentOf(retried.id)).toMatchObject({ status: "paid" });
  });
});

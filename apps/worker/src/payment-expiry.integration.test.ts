import { randomUUID } from "node:crypto";
import { callerFor, shippingRateOf } from "@primestore/api/testing";
import { describe, expect, it } from "vitest";
import { schedulePaymentSweeps, startPaymentsProcessor } from "./processors/payments.ts";
import { seededApiWithQueues } from "./testing/seeded-api-with-queues.ts";
import { testQueues } from "./testing/test-queues.ts";
import { waitFor } from "./testing/wait-for.ts";

const seeded = seededApiWithQueues();

async function placePixOrder() {
  const { caller } = await callerFor(seeded.deps, "storefront", { host: "aurora.localhost" });
  const variant = await seeded.database.admin.variant.findFirstOrThrow({ where: { product: { slug: "bolsa-de-palha" } } });
  return caller.orders.place({
    idempotencyKey: randomUUID(),
    email: "pix@example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: variant.id, quantity: 1 }],
    shippingAddress: { name: "Paula", line1: "Rua D", city: "Belém", region: "PA", postalCode: "66000-000", country: "BR", taxId: "52998224725" },
    shippingRateId: await shippingRateOf(seeded.database.admin, "aurora", "Expresso"),
    payment: { method: "pix", installments: 1, fields: {} },
  });
}

describe("the scheduled payment expiry sweep", () => {
  it("expires an unpaid PIX once its time is up, freeing the stock", async () => {
    const { admin, app } = seeded.database;
    const queues = testQueues(seeded.database.appUrl);
    try {
      const overdue = await placePixOrder();
      await admin.payment.updateMany({ where: { orderId: overdue.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
      const worker = startPaymentsProcessor({ db: app, adminDb: admin, gateway: seeded.deps.payments, queues });
      // Scheduling twice (two workers starting) still makes one schedule.
      await schedulePaymentSweeps(queues, 200);
      await schedulePaymentSweeps(queues, 200);

      const payment = await waitFor(async () => {
        const current = await admin.payment.findFirstOrThrow({ where: { orderId: overdue.id } });
        return current.status === "pending" ? undefined : current;
      });
      await worker.close();

      expect(payment.status).toBe("expired");
      expect(await admin.order.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ status: "cancelled" });
      const level = await admin.inventoryLevel.findFirstOrThrow({ where: { variant: { product: { slug: "bolsa-de-palha" } } } });
      expect(level).toMatchObject({ onHand: 1, reserved: 0 });
    } finally {
      await queues.close();
    }
  });
});

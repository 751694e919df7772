import { randomUUID } from "node:crypto";
import { callerFor, shippingRateOf, testApiDeps } from "@primestore/api/testing";
import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";
import { seedDemoData } from "@primestore/core/seed";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { createQueueBackend, prepareQueueStorage } from "@primestore/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schedulePaymentExpirySweep, startPaymentsProcessor } from "./processors/payments.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  await prepareQueueStorage(database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
});
afterAll(() => database?.drop());

async function placePixOrder() {
  const { caller } = await callerFor(testApiDeps(database.app, database.admin), "storefront", { host: "aurora.localhost" });
  const variant = await database.admin.variant.findFirstOrThrow({ where: { product: { slug: "bolsa-de-palha" } } });
  return caller.orders.place({
    idempotencyKey: randomUUID(),
    email: "pix@example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: variant.id, quantity: 1 }],
    shippingAddress: { name: "Paula", line1: "Rua D", city: "Belém", region: "PA", postalCode: "66000-000", country: "BR", taxId: "52998224725" },
    shippingRateId: await shippingRateOf(database.admin, "aurora", "Expresso"),
    payment: { method: "pix", installments: 1, fields: {} },
  });
}

describe("the scheduled payment expiry sweep", () => {
  it("expires an unpaid PIX once its time is up, freeing the stock", async () => {
    const queues = createQueueBackend({ databaseUrl: database.appUrl, prefix: `t${randomUUID().slice(0, 8)}` });
    try {
      const overdue = await placePixOrder();
      await database.admin.payment.updateMany({ where: { orderId: overdue.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
      const worker = startPaymentsProcessor({ db: database.app, adminDb: database.admin, queues });
      // Scheduling twice (two workers starting) still makes one schedule.
      await schedulePaymentExpirySweep(queues, 200);
      await schedulePaymentExpirySweep(queues, 200);

      const deadline = Date.now() + 15_000;
      let payment = await database.admin.payment.findFirstOrThrow({ where: { orderId: overdue.id } });
      while (payment.status === "pending" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        payment = await database.admin.payment.findFirstOrThrow({ where: { orderId: overdue.id } });
      }
      await worker.close();

      expect(payment.status).toBe("expired");
      expect(await database.admin.order.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ status: "cancelled" });
      const level = await database.admin.inventoryLevel.findFirstOrThrow({ where: { variant: { product: { slug: "bolsa-de-palha" } } } });
      expect(level).toMatchObject({ onHand: 1, reserved: 0 });
    } finally {
      await queues.close();
    }
  });
});

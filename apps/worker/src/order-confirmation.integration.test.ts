import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callerFor, shippingRateOf } from "@primestore/api/testing";
import { createFileMailer } from "@primestore/core/notifications";
import type { QueueBackend } from "@primestore/jobs";
import { describe, expect, it } from "vitest";
import { createOutboxRelay } from "./outbox-relay.ts";
import { startNotificationsProcessor } from "./processors/notifications.ts";
import { seededApiWithQueues } from "./testing/seeded-api-with-queues.ts";
import { testQueues } from "./testing/test-queues.ts";
import { waitFor } from "./testing/wait-for.ts";

const seeded = seededApiWithQueues();

async function placeAuroraOrder() {
  const { caller } = await callerFor(seeded.deps, "storefront", { host: "aurora.localhost" });
  const product = await caller.catalog.get({ slug: "camiseta-algodao-organico", currency: "BRL", locale: "pt-BR" });
  return caller.orders.place({
    idempotencyKey: randomUUID(),
    email: "Cliente@Example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: product.variants[0]!.id, quantity: 1 }],
    shippingAddress: { name: "Carla Cliente", line1: "Rua das Flores", number: "10", city: "São Paulo", region: "SP", postalCode: "01001-000", country: "BR", taxId: "11.222.333/0001-81" },
    shippingRateId: await shippingRateOf(seeded.database.admin, "aurora", "Econômico"),
    payment: { method: "card", installments: 1, fields: { token: "tok_approve" } },
  });
}

const backends: Array<[string, () => QueueBackend | null]> = [
  ["postgres", () => testQueues(seeded.database.appUrl)],
  ["redis", () => (process.env.TEST_REDIS_URL ? testQueues(seeded.database.appUrl, process.env.TEST_REDIS_URL) : null)],
];

describe.each(backends)("order confirmation through the outbox on %s queues", (kind, makeBackend) => {
  it.skipIf(kind === "redis" && !process.env.TEST_REDIS_URL)("sends exactly one email per order, even when the event is relayed twice", async () => {
    const queues = makeBackend()!;
    const mailDir = await mkdtemp(join(tmpdir(), "primestore-mail-"));
    const relay = createOutboxRelay({ adminDb: seeded.database.admin, queues });
    try {
      const order = await placeAuroraOrder();
      expect(order.status).toBe("paid");
      const event = await seeded.database.admin.outboxEvent.findFirstOrThrow({ where: { type: "order.placed", payload: { path: ["orderId"], equals: order.id } } });
      expect(event.publishedAt).toBeNull();

      expect(await relay.relayBatch()).toBeGreaterThanOrEqual(1);
      // A crash after enqueue but before the commit would publish again: simulate it.
      await seeded.database.admin.outboxEvent.update({ where: { id: event.id }, data: { publishedAt: null } });
      expect(await relay.relayBatch()).toBeGreaterThanOrEqual(1);

      const worker = startNotificationsProcessor({ db: seeded.database.app, queues, mailer: createFileMailer(mailDir) });
      const notification = await waitFor(async () => {
        const found = await seeded.database.admin.notification.findFirst({ where: { dedupeKey: `order.placed:${order.id}`, status: "sent" } });
        return found ?? undefined;
      });
      await worker.close();

      expect(await seeded.database.admin.notification.count({ where: { dedupeKey: `order.placed:${order.id}` } })).toBe(1);
      expect(notification).toMatchObject({ recipient: "cliente@example.com", locale: "pt-BR", template: "order.placed" });
      expect(notification.subject).toContain(`nº ${order.number}`);
      const files = await readdir(mailDir);
      expect(files).toEqual([`${notification.id}.eml`]);
      const eml = await readFile(join(mailDir, files[0]!), "utf8");
      expect(eml).toContain("To: cliente@example.com");
      expect(eml).toContain("R$\u00a089,90");
    } finally {
      await queues.close();
    }
  });
});

describe("REQUIRE_REDIS", () => {
  it("makes a missing Redis a failure instead of a skip", () => {
    if (process.env.REQUIRE_REDIS === "1") expect(process.env.TEST_REDIS_URL).toBeTruthy();
  });
});

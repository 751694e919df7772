import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callerFor, shippingRateOf, testApiDeps } from "@primestore/api/testing";
import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";
import { createFileMailer } from "@primestore/core/notifications";
import { seedDemoData } from "@primestore/core/seed";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { createQueueBackend, prepareQueueStorage, type QueueBackend } from "@primestore/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxRelay } from "./outbox-relay.ts";
import { startNotificationsProcessor } from "./processors/notifications.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  await prepareQueueStorage(database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
});
afterAll(() => database?.drop());

async function placeAuroraOrder() {
  const deps = testApiDeps(database.app, database.admin);
  const { caller } = await callerFor(deps, "storefront", { host: "aurora.localhost" });
  const product = await caller.catalog.get({ slug: "camiseta-algodao-organico", currency: "BRL", locale: "pt-BR" });
  return caller.orders.place({
    idempotencyKey: randomUUID(),
    email: "Cliente@Example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: product.variants[0]!.id, quantity: 1 }],
    shippingAddress: { name: "Carla Cliente", line1: "Rua das Flores", number: "10", city: "São Paulo", region: "SP", postalCode: "01001-000", country: "BR", taxId: "11.222.333/0001-81" },
    shippingRateId: await shippingRateOf(database.admin, "aurora", "Econômico"),
    payment: { method: "card", installments: 1, fields: {} },
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const backends: Array<[string, () => QueueBackend | null]> = [
  ["postgres", () => createQueueBackend({ databaseUrl: database.appUrl, prefix: `t${randomUUID().slice(0, 8)}` })],
  [
    "redis",
    () => (process.env.TEST_REDIS_URL ? createQueueBackend({ databaseUrl: database.appUrl, redisUrl: process.env.TEST_REDIS_URL, prefix: `t${randomUUID().slice(0, 8)}` }) : null),
  ],
];

describe.each(backends)("order confirmation through the outbox on %s queues", (kind, makeBackend) => {
  it.skipIf(kind === "redis" && !process.env.TEST_REDIS_URL)("sends exactly one email per order, even when the event is relayed twice", async () => {
    const queues = makeBackend()!;
    const mailDir = await mkdtemp(join(tmpdir(), "primestore-mail-"));
    const relay = createOutboxRelay({ adminDb: database.admin, queues });
    try {
      const order = await placeAuroraOrder();
      expect(order.status).toBe("paid");
      const event = await database.admin.outboxEvent.findFirstOrThrow({ where: { type: "order.placed", payload: { path: ["orderId"], equals: order.id } } });
      expect(event.publishedAt).toBeNull();

      expect(await relay.relayBatch()).toBeGreaterThanOrEqual(1);
      // A crash after enqueue but before the commit would publish again: simulate it.
      await database.admin.outboxEvent.update({ where: { id: event.id }, data: { publishedAt: null } });
      expect(await relay.relayBatch()).toBeGreaterThanOrEqual(1);

      const worker = startNotificationsProcessor({ db: database.app, queues, mailer: createFileMailer(mailDir) });
      const notification = await waitFor(async () => {
        const found = await database.admin.notification.findFirst({ where: { dedupeKey: `order.placed:${order.id}`, status: "sent" } });
        return found ?? undefined;
      });
      await worker.close();

      expect(await database.admin.notification.count({ where: { dedupeKey: `order.placed:${order.id}` } })).toBe(1);
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

import { randomUUID } from "node:crypto";
import { TEST_DECLINE_TOKEN } from "@primestore/payments";
import { createDbClient } from "@primestore/db";
import { describe, expect, it } from "vitest";
import { errorData } from "./errors.ts";
import { callerFor, rejection, seededApi, shippingRateOf } from "./testing/index.ts";

const seeded = seededApi();

const storefront = (host: string) => callerFor(seeded.deps, "storefront", { host }).then((c) => c.caller);


const address = { name: "Carla", line1: "Rua A", number: "1", city: "Recife", region: "PE", postalCode: "50000-000", country: "BR", taxId: "529.982.247-25" };

async function orderInput(slug: string, overrides: Record<string, unknown> = {}) {
  const caller = await storefront("aurora.localhost");
  const product = await caller.catalog.get({ slug, currency: "BRL", locale: "pt-BR" });
  return {
    idempotencyKey: randomUUID(),
    email: "shopper@example.com",
    currency: "BRL",
    locale: "pt-BR",
    lines: [{ variantId: product.variants[0]!.id, quantity: 1 }],
    shippingAddress: address,
    shippingRateId: await shippingRateOf(seeded.database.admin, "aurora", "Econômico"),
    payment: { method: "card" as const, installments: 1, fields: { token: "tok_approve" } },
    ...overrides,
  };
}

describe("tenant from the Host header", () => {
  it("serves each store its own catalog, translated with fallback", async () => {
    const aurora = await (await storefront("Aurora.LOCALHOST:3000")).catalog.list({ currency: "BRL", locale: "en" });
    expect(aurora.items.map((p) => p.slug).sort()).toEqual(["bolsa-de-palha", "camiseta-algodao-organico", "jaqueta-jeans", "vestido-linho-aurora"]);
    expect(aurora.items.find((p) => p.slug === "camiseta-algodao-organico")?.title).toBe("Organic cotton T-shirt");
    expect(aurora.items.find((p) => p.slug === "bolsa-de-palha")?.title).toBe("Bolsa de palha artesanal");
    const summit = await (await storefront("summit.localhost")).catalog.list({ currency: "USD", locale: "en" });
    expect(summit.items.map((p) => p.slug).sort()).toEqual(["merino-beanie", "trail-backpack-28l"]);
  });

  it("answers an unknown host with TENANT_NOT_FOUND and a suspended store with TENANT_SUSPENDED", async () => {
    const unknown = await rejection((await storefront("nope.localhost")).catalog.list({ currency: "BRL", locale: "pt-BR" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe("TENANT_NOT_FOUND");

    await seeded.database.admin.tenant.update({ where: { slug: "sol" }, data: { status: "suspended" } });
    await seeded.deps.tenants.invalidate({ slug: "sol", hosts: ["sol.localhost"] });
    const suspended = await rejection((await storefront("sol.localhost")).catalog.list({ currency: "EUR", locale: "es" }));
    expect(suspended.code).toBe("FORBIDDEN");
    await seeded.database.admin.tenant.update({ where: { slug: "sol" }, data: { status: "active" } });
    await seeded.deps.tenants.invalidate({ slug: "sol", hosts: ["sol.localhost"] });
  });

  it("doesn't find another store's product by its slug", async () => {
    const error = await rejection((await storefront("summit.localhost")).catalog.get({ slug: "bolsa-de-palha", currency: "USD", locale: "en" }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("read traffic", () => {
  it("goes to the read client (a replica in production), which may be read-only", async () => {
    const replicaUrl = new URL(seeded.database.appUrl);
    replicaUrl.searchParams.set("options", "-c default_transaction_read_only=on");
    const readDb = createDbClient(replicaUrl.toString(), { poolSize: 2 });
    try {
      const { caller } = await callerFor({ ...seeded.deps, readDb }, "storefront", { host: "aurora.localhost" });
      expect((await caller.catalog.list({ currency: "BRL", locale: "pt-BR" })).items.length).toBeGreaterThan(0);
      await expect(readDb.$executeRaw`CREATE TEMP TABLE proof_of_read_only (x int)`).rejects.toThrow(/read-only/);
    } finally {
      await readDb.$disconnect();
    }
  });
});

describe("minimal checkout", () => {
  it("places a card order, takes the stock and records the event in the same transaction", async () => {
    const input = await orderInput("camiseta-algodao-organico");
    const before = await seeded.database.admin.inventoryLevel.findFirstOrThrow({ where: { variantId: input.lines[0]!.variantId } });
    const order = await (await storefront("aurora.localhost")).orders.place(input);
    // R$ 89,90 plus R$ 19,90 shipping (free only from R$ 299).
    expect(order).toMatchObject({ status: "paid", total: 10980n, currency: "BRL", email: "shopper@example.com" });
    const after = await seeded.database.admin.inventoryLevel.findFirstOrThrow({ where: { variantId: input.lines[0]!.variantId } });
    expect([after.onHand, after.reserved]).toEqual([before.onHand - 1, before.reserved]);
    expect(await seeded.database.admin.inventoryReservation.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "committed" });
    expect(await seeded.database.admin.outboxEvent.count({ where: { type: "order.placed", payload: { path: ["orderId"], equals: order.id } } })).toBe(1);
  });

  it("places one order for a double submit with the same idempotency key", async () => {
    const input = await orderInput("vestido-linho-aurora");
    const caller = await storefront("aurora.localhost");
    const [first, second] = await Promise.all([caller.orders.place(input), caller.orders.place(input)]);
    expect(second.id).toBe(first.id);
    const again = await caller.orders.place(input);
    expect(again.id).toBe(first.id);
    expect(await seeded.database.admin.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("cancels a declined payment, frees the stock and sends no confirmation", async () => {
    const input = await orderInput("camiseta-algodao-organico", { payment: { method: "card", installments: 1, fields: { token: TEST_DECLINE_TOKEN } } });
    const before = await seeded.database.admin.inventoryLevel.findFirstOrThrow({ where: { variantId: input.lines[0]!.variantId } });
    const error = await rejection((await storefront("aurora.localhost")).orders.place(input));
    expect(error.message).toBe("PAYMENT_DECLINED");
    const order = await seeded.database.admin.order.findFirstOrThrow({ where: { idempotencyKey: input.idempotencyKey }, include: { payments: true } });
    expect([order.status, order.payments[0]!.status]).toEqual(["cancelled", "failed"]);
    const after = await seeded.database.admin.inventoryLevel.findFirstOrThrow({ where: { variantId: input.lines[0]!.variantId } });
    expect([after.onHand, after.reserved]).toEqual([before.onHand, before.reserved]);
    expect(await seeded.database.admin.outboxEvent.count({ where: { type: "order.placed", payload: { path: ["orderId"], equals: order.id } } })).toBe(0);
  });

  it("rejects malformed input with field errors and writes nothing", async () => {
    const ordersBefore = await seeded.database.admin.order.count();
    const input = await orderInput("camiseta-algodao-organico", { email: "not-an-email", lines: [] });
    const error = await rejection((await storefront("aurora.localhost")).orders.place(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await seeded.database.admin.order.count()).toBe(ordersBefore);
  });

  it("refuses a card payment without its card token, naming the field, and writes nothing", async () => {
    const before = await seeded.database.admin.order.count();
    const input = await orderInput("camiseta-algodao-organico", { payment: { method: "card", installments: 1, fields: {} } });
    const error = await rejection((await storefront("aurora.localhost")).orders.place(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(errorData(error).fieldErrors ?? {})).toEqual(["payment.fields.token"]);
    expect(await seeded.database.admin.order.count()).toBe(before);
  });

  it("requires a valid CPF/CNPJ and CEP for Brazilian addresses, and writes nothing otherwise", async () => {
    const before = await seeded.database.admin.order.count();
    const input = await orderInput("camiseta-algodao-organico", {
      shippingAddress: { ...address, taxId: "529.982.247-24", postalCode: "5000-000" },
    });
    const error = await rejection((await storefront("aurora.localhost")).orders.place(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(errorData(error).fieldErrors ?? {}).sort()).toEqual([
      "shippingAddress.postalCode",
      "shippingAddress.taxId",
    ]);
    expect(await seeded.database.admin.order.count()).toBe(before);

    const order = await (await storefront("aurora.localhost")).orders.place(
      await orderInput("camiseta-algodao-organico", { shippingAddress: { ...address, postalCode: "50000000" } }),
    );
    const stored = await seeded.database.admin.orderAddress.findFirstOrThrow({ where: { orderId: order.id } });
    expect(stored).toMatchObject({ postalCode: "50000-000", taxId: "52998224725" });
  });

  it("refuses a currency the store hasn't enabled", async () => {
    const input = await orderInput("camiseta-algodao-organico", { currency: "EUR" });
    const error = await rejection((await storefront("aurora.localhost")).orders.place(input));
    expect(error.message).toBe("CURRENCY_NOT_ENABLED");
  });

  it("can't buy another store's variant", async () => {
    const input = await orderInput("camiseta-algodao-organico");
    const error = await rejection((await storefront("summit.localhost")).orders.place({ ...input, currency: "USD" }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

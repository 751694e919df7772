import { describe, expect, it } from "vitest";
import { callerFor, portalRequest, portalSession, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
const portal = async (email: string, store: string) => portalRequest(seeded.deps, await portalSession(seeded.deps, email), store);

/** What a shopper on Aurora is offered for one unit of its first variant, to Brazil. */
async function offered() {
  const { caller } = await callerFor(seeded.deps, "storefront", { host: "aurora.localhost" });
  const variant = await admin().variant.findFirstOrThrow({ where: { tenant: { slug: "aurora" } }, orderBy: { sku: "asc" } });
  return (await caller.orders.quote({ currency: "BRL", country: "BR", lines: [{ variantId: variant.id, quantity: 1 }] })).shippingOptions;
}

describe("shipping rates", () => {
  it("are created, changed and switched off by the seller, and checkout quotes exactly what they say", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const { id } = await ana.shipping.saveRate({ name: "Retirada na loja", kind: "flat", currency: "BRL", amount: 0, countries: ["BR"] });
    expect((await offered()).find((option) => option.rateId === id)).toMatchObject({ name: "Retirada na loja", amount: 0n });

    await ana.shipping.saveRate({ id, name: "Motoboy", kind: "flat", currency: "BRL", amount: 1500, countries: ["BR"] });
    expect((await offered()).find((option) => option.rateId === id)).toMatchObject({ name: "Motoboy", amount: 1500n });

    await ana.shipping.setRateActive({ rateId: id, active: false });
    expect((await offered()).map((option) => option.rateId)).not.toContain(id);
    expect((await ana.shipping.rates()).find((rate) => rate.id === id)).toMatchObject({ active: false });
    expect((await admin().auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action)).toEqual([
      "shipping_rate.created",
      "shipping_rate.updated",
      "shipping_rate.deactivated",
    ]);
  });

  it("refuse what can't be quoted, writing nothing", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const before = await admin().shippingRate.count();
    for (const wrong of [
      { name: "Grátis acima", kind: "free_over", currency: "BRL", amount: 990 },
      { name: "Pesado", kind: "by_weight", currency: "BRL", amount: 990, minWeightGrams: 5000, maxWeightGrams: 1000 },
      { name: "Negativo", kind: "flat", currency: "BRL", amount: -1 },
      { name: "Brasil", kind: "flat", currency: "BRL", amount: 990, countries: ["Brazil"] },
    ]) {
      expect(await rejection(ana.shipping.saveRate(wrong as never))).toMatchObject({ message: "VALIDATION" });
    }
    expect((await rejection(ana.shipping.saveRate({ name: "Iene", kind: "flat", currency: "JPY", amount: 1 }))).message).toBe("CURRENCY_NOT_ENABLED");
    expect(await admin().shippingRate.count()).toBe(before);
  });

  it("of another store can't be changed through their ids", async () => {
    const summitRate = await admin().shippingRate.findFirstOrThrow({ where: { tenant: { slug: "summit" } } });
    const ana = await portal("ana@aurora.example", "aurora");
    expect((await rejection(ana.shipping.saveRate({ id: summitRate.id, name: "Mine", kind: "flat", currency: "BRL", amount: 1 }))).message).toBe("NOT_FOUND");
    expect((await rejection(ana.shipping.setRateActive({ rateId: summitRate.id, active: false }))).message).toBe("NOT_FOUND");
    expect(await admin().shippingRate.findUniqueOrThrow({ where: { id: summitRate.id } })).toEqual(summitRate);
    expect((await ana.shipping.rates()).map((rate) => rate.id)).not.toContain(summitRate.id);
  });
});

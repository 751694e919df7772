import { randomUUID } from "node:crypto";
import { hashToken } from "@primestore/core/auth";
import { describe, expect, it } from "vitest";
import { CART_COOKIE } from "./context.ts";
import { callerFor, rejection, seededApi, shippingRateOf } from "./testing/index.ts";

const seeded = seededApi();

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

/** A browser on one store: keeps the cookies the API sets, and sends them back. */
function browserOn(host: string) {
  let cookie: string | null = null;
  return {
    get cookie() {
      return cookie;
    },
    async call<T>(fn: (caller: Caller) => Promise<T>): Promise<{ result: T; headers: Headers }> {
      const { caller, resHeaders } = await callerFor(seeded.deps, "storefront", cookie ? { host, cookie } : { host });
      const result = await fn(caller);
      const set = resHeaders.get("set-cookie");
      if (set) cookie = set.split(";")[0]!;
      return { result, headers: resHeaders };
    },
  };
}

async function variantOf(slug: string, position = 0): Promise<string> {
  const variant = await seeded.database.admin.variant.findFirstOrThrow({ where: { product: { slug } }, orderBy: { position: "asc" }, skip: position });
  return variant.id;
}

const usd = { currency: "USD", locale: "en" };
const checkout = async () => ({
  idempotencyKey: randomUUID(),
  email: "cart-shopper@example.com",
  currency: "USD",
  locale: "en",
  shippingAddress: { name: "Casey", line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" },
  shippingRateId: await shippingRateOf(seeded.database.admin, "summit", "Standard"),
  payment: { method: "card" as const, installments: 1, fields: { token: "tok_approve" } },
});

describe("the guest cart cookie", () => {
  it("is set when the first add creates the cart, and names the cart on later requests", async () => {
    const browser = browserOn("summit.localhost");
    const beanie = await variantOf("merino-beanie");

    const empty = await browser.call((api) => api.cart.get(usd));
    expect(empty.result.lines).toEqual([]);
    expect(empty.headers.get("set-cookie")).toBeNull();
    expect(empty.headers.get("cache-control")).toBe("private, no-store");

    const first = await browser.call((api) => api.cart.addLine({ ...usd, variantId: beanie, quantity: 2 }));
    expect(first.result).toMatchObject({ itemCount: 2, subtotal: 5800n, lines: [{ variantId: beanie, quantity: 2, unitPrice: 2900 }] });
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie.split("; ").slice(1).sort()).toEqual(["HttpOnly", "Max-Age=31536000", "Path=/", "SameSite=Lax"]);
    expect(cookie.startsWith(`${CART_COOKIE}=`)).toBe(true);
    const token = decodeURIComponent(browser.cookie!.slice(CART_COOKIE.length + 1));
    expect(await seeded.database.admin.cart.count({ where: { tokenHash: hashToken(token) } })).toBe(1);

    const second = await browser.call((api) => api.cart.addLine({ ...usd, variantId: beanie, quantity: 1 }));
    expect(second.result.lines).toMatchObject([{ variantId: beanie, quantity: 3 }]);
    expect(second.headers.get("set-cookie")).toBeNull();
    expect((await browser.call((api) => api.cart.count())).result).toEqual({ itemCount: 3 });
  });

  it("names nothing on another store", async () => {
    const browser = browserOn("summit.localhost");
    await browser.call(async (api) => api.cart.addLine({ ...usd, variantId: await variantOf("merino-beanie"), quantity: 1 }));
    const { caller } = await callerFor(seeded.deps, "storefront", { host: "aurora.localhost", cookie: browser.cookie! });
    expect((await caller.cart.get({ currency: "BRL", locale: "pt-BR" })).lines).toEqual([]);
    expect(await caller.cart.count()).toEqual({ itemCount: 0 });
  });
});

describe("changing the cart", () => {
  it("sets quantities within stock and removes lines", async () => {
    const browser = browserOn("summit.localhost");
    const [forest, slate] = [await variantOf("trail-backpack-28l"), await variantOf("trail-backpack-28l", 1)];
    await browser.call((api) => api.cart.addLine({ ...usd, variantId: forest, quantity: 1 }));
    await browser.call((api) => api.cart.addLine({ ...usd, variantId: slate, quantity: 1 }));

    const set = await browser.call((api) => api.cart.setQuantity({ ...usd, variantId: forest, quantity: 3 }));
    expect(set.result.lines.map((line) => line.quantity)).toEqual([3, 1]);
    const tooMany = await rejection(browser.call((api) => api.cart.setQuantity({ ...usd, variantId: forest, quantity: 13 })));
    expect([tooMany.code, tooMany.message]).toEqual(["CONFLICT", "OUT_OF_STOCK"]);

    const removed = await browser.call((api) => api.cart.removeLine({ ...usd, variantId: slate }));
    expect(removed.result.lines.map((line) => line.variantId)).toEqual([forest]);
    const zeroed = await browser.call((api) => api.cart.setQuantity({ ...usd, variantId: forest, quantity: 0 }));
    expect(zeroed.result).toMatchObject({ lines: [], itemCount: 0, subtotal: 0n, readyForCheckout: false });
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const browser = browserOn("summit.localhost");
    const beanie = await variantOf("merino-beanie");
    const before = await seeded.database.admin.cart.count();
    for (const input of [
      { ...usd, variantId: beanie, quantity: 0 },
      { ...usd, variantId: "nope", quantity: 1 },
      { currency: "usd", locale: "en", variantId: beanie, quantity: 1 },
    ]) {
      const error = await rejection(browser.call((api) => api.cart.addLine(input)));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", "VALIDATION"]);
    }
    const foreign = await rejection(browser.call((api) => api.cart.addLine({ currency: "BRL", locale: "en", variantId: beanie, quantity: 1 })));
    expect(foreign.message).toBe("CURRENCY_NOT_ENABLED");
    const notOurs = await rejection(browser.call(async (api) => api.cart.addLine({ ...usd, variantId: await variantOf("bolsa-de-palha"), quantity: 1 })));
    expect(notOurs.message).toBe("NOT_FOUND");
    expect(await seeded.database.admin.cart.count()).toBe(before);
    expect(browser.cookie).toBeNull();
  });

  it("needs a known store", async () => {
    const { caller } = await callerFor(seeded.deps, "storefront", { host: "nowhere.localhost" });
    expect((await rejection(caller.cart.get(usd))).message).toBe("TENANT_NOT_FOUND");
  });
});

describe("checkout from the cart", () => {
  it("places the order from the cart at re-validated prices and converts the cart with it", async () => {
    const browser = browserOn("summit.localhost");
    const [beanie, forest] = [await variantOf("merino-beanie"), await variantOf("trail-backpack-28l")];
    await browser.call((api) => api.cart.addLine({ ...usd, variantId: beanie, quantity: 2 }));
    const shown = (await browser.call((api) => api.cart.addLine({ ...usd, variantId: forest, quantity: 1 }))).result;
    expect(shown.subtotal).toBe(2n * 2900n + 8900n);

    // The seller raises a price after the shopper saw the cart: the order is not placed at either price unseen.
    const summit = await seeded.database.admin.tenant.findUniqueOrThrow({ where: { slug: "summit" } });
    const priceKey = { tenantId_variantId_currency: { tenantId: summit.id, variantId: beanie, currency: "USD" } };
    await seeded.database.admin.variantPrice.update({ where: priceKey, data: { amount: 3500 } });
    try {
      const details = await checkout();
      const stale = await rejection(browser.call((api) => api.orders.placeFromCart({ ...details, expectedSubtotal: shown.subtotal })));
      expect([stale.code, stale.message]).toEqual(["CONFLICT", "CONFLICT"]);
      expect(await seeded.database.admin.order.count({ where: { email: "cart-shopper@example.com" } })).toBe(0);

      const repriced = (await browser.call((api) => api.cart.get(usd))).result;
      expect(repriced.subtotal).toBe(2n * 3500n + 8900n);
      const { result: order, headers } = await browser.call((api) => api.orders.placeFromCart({ ...details, idempotencyKey: randomUUID(), expectedSubtotal: repriced.subtotal }));
      // $159.00 of goods and $9.00 standard shipping.
      expect(order).toMatchObject({ status: "paid", total: 16800n, currency: "USD" });
      expect(headers.get("cache-control")).toBe("private, no-store");

      const lines = await seeded.database.admin.orderLine.findMany({ where: { orderId: order.id }, orderBy: { unitPrice: "asc" } });
      expect(lines.map((line) => [line.variantId, line.quantity, line.unitPrice])).toEqual([
        [beanie, 2, 3500],
        [forest, 1, 8900],
      ]);
      const reservation = await seeded.database.admin.inventoryReservation.findFirstOrThrow({ where: { orderId: order.id } });
      expect(await seeded.database.admin.cart.findUniqueOrThrow({ where: { id: reservation.cartId! } })).toMatchObject({ status: "converted" });
      expect((await browser.call((api) => api.cart.get(usd))).result.lines).toEqual([]);
      expect(await seeded.database.admin.outboxEvent.count({ where: { type: "order.placed", payload: { path: ["orderId"], equals: order.id } } })).toBe(1);
    } finally {
      await seeded.database.admin.variantPrice.update({ where: priceKey, data: { amount: 2900 } });
    }
  });

  it("places one order for a double submit", async () => {
    const browser = browserOn("summit.localhost");
    await browser.call(async (api) => api.cart.addLine({ ...usd, variantId: await variantOf("merino-beanie"), quantity: 1 }));
    const input = { ...(await checkout()), expectedSubtotal: 2900n };
    const [first, second] = await Promise.all([
      browser.call((api) => api.orders.placeFromCart(input)),
      browser.call((api) => api.orders.placeFromCart(input)),
    ]);
    expect(second.result.id).toBe(first.result.id);
    expect(await seeded.database.admin.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("refuses to check out without a cart", async () => {
    const browser = browserOn("summit.localhost");
    const details = await checkout();
    const error = await rejection(browser.call((api) => api.orders.placeFromCart({ ...details, expectedSubtotal: 0n })));
    expect(error.message).toBe("BAD_REQUEST");
  });
});

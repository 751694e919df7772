import { createDbClient, withTenant, type Tx } from "@primestore/db";
import { TEST_DECLINE_TOKEN } from "@primestore/payments";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { hashToken } from "../auth/tokens.ts";
import { placeOrder, settlePayment } from "../orders/index.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { seededDemoStores } from "../testing/seeded-demo-stores.ts";
import { testGateway } from "../testing/test-gateway.ts";
import {
  addCartLine,
  getCart,
  guestCartOwner,
  mergeGuestCartIntoCustomerCart,
  removeCartLine,
  setCartLineQuantity,
  type CartOwner,
  type CartShopper,
} from "./index.ts";

const demo = seededDemoStores();
/** Aurora's free-over-R$ 299 rate to Brazil. */
let auroraShipping: string;

beforeAll(async () => {
  auroraShipping = (await demo.database.admin.shippingRate.findFirstOrThrow({ where: { tenantId: demo.aurora.id, kind: "free_over" } })).id;
});

const inTenant = <T>(tenant: TenantInfo, fn: (tx: Tx) => Promise<T>) => withTenant(demo.database.app, tenant.id, fn);

function shopper(tenant: TenantInfo, owner: CartOwner | null, currency = tenant.defaultCurrency, locale = tenant.defaultLocale): CartShopper {
  return { tenant, owner, currency, locale };
}

/** The id of a product's variant, by position (the demo products have one per option value). */
async function variantOf(slug: string, position = 0): Promise<string> {
  const variant = await demo.database.admin.variant.findFirstOrThrow({ where: { product: { slug } }, orderBy: { position: "asc" }, skip: position });
  return variant.id;
}

/** A guest's first add: creates the cart and hands back the owner their new cookie names. */
async function newGuestCart(tenant: TenantInfo, variantId: string, quantity = 1): Promise<{ owner: CartOwner; token: string }> {
  const { guestToken } = await inTenant(tenant, (tx) => addCartLine(tx, shopper(tenant, null), { variantId, quantity }));
  expect(guestToken).toBeTruthy();
  return { owner: guestCartOwner(guestToken!), token: guestToken! };
}

async function setStock(variantId: string, onHand: number): Promise<void> {
  await demo.database.admin.inventoryLevel.updateMany({ where: { variantId }, data: { onHand, reserved: 0 } });
}

const checkoutDetails = (idempotencyKey: string, overrides: Record<string, unknown> = {}) => ({
  idempotencyKey,
  email: "cart@example.com",
  currency: "BRL",
  locale: "pt-BR",
  shippingAddress: { name: "Carla", line1: "Rua A", city: "Recife", region: "PE", postalCode: "50000-000", country: "BR", taxId: "52998224725" },
  shippingRateId: auroraShipping,
  payment: { method: "card" as const, installments: 1, fields: {} },
  ...overrides,
});

describe("guest carts", () => {
  it("survive a restart: a new database client finds the cart by the cookie token, and only its hash is stored", async () => {
    const shirt = await variantOf("camiseta-algodao-organico");
    const { token } = await newGuestCart(demo.aurora, shirt, 2);

    const restarted = createDbClient(demo.database.appUrl, { poolSize: 1, applicationName: "cart-restart" });
    try {
      const cart = await withTenant(restarted, demo.aurora.id, (tx) => getCart(tx, shopper(demo.aurora, guestCartOwner(token))));
      expect(cart.lines).toMatchObject([{ variantId: shirt, quantity: 2, unitPrice: 8990, total: 17980n, problem: null }]);
      expect(cart).toMatchObject({ currency: "BRL", itemCount: 2, subtotal: 17980n, readyForCheckout: true });
    } finally {
      await restarted.$disconnect();
    }
    const stored = await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(await demo.database.admin.cart.count({ where: { tokenHash: token } })).toBe(0);
    expect(stored).toMatchObject({ tenantId: demo.aurora.id, status: "open", customerId: null });
  });

  it("shows no cart, and creates none, for a visitor who hasn't added anything", async () => {
    const before = await demo.database.admin.cart.count();
    const cart = await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, null)));
    expect(cart).toEqual({ currency: "BRL", lines: [], itemCount: 0, subtotal: 0n, readyForCheckout: false });
    const unknownToken = await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, guestCartOwner("never-issued"))));
    expect(unknownToken.lines).toEqual([]);
    expect(await demo.database.admin.cart.count()).toBe(before);
  });

  it("never adopts a token it didn't issue: an unknown cookie gets a fresh token", async () => {
    const shirt = await variantOf("camiseta-algodao-organico", 1);
    const planted = guestCartOwner("chosen-by-someone-else");
    const { guestToken } = await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, planted), { variantId: shirt, quantity: 1 }));
    expect(guestToken).toBeTruthy();
    expect(await demo.database.admin.cart.count({ where: { tokenHash: hashToken("chosen-by-someone-else") } })).toBe(0);
  });
});

describe("changing lines", () => {
  it("merges a second add of the same variant into its line", async () => {
    const dress = await variantOf("vestido-linho-aurora");
    const { owner } = await newGuestCart(demo.aurora, dress, 1);
    const { cart, guestToken } = await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: dress, quantity: 2 }));
    expect(guestToken).toBeNull();
    expect(cart.lines).toMatchObject([{ variantId: dress, quantity: 3 }]);
  });

  it("refuses to add beyond available stock with OUT_OF_STOCK and writes nothing", async () => {
    const bag = await variantOf("bolsa-de-palha");
    const cartsBefore = await demo.database.admin.cart.count();
    await expect(inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, null), { variantId: bag, quantity: 2 }))).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
      details: { variantId: bag, available: 1 },
    });
    expect(await demo.database.admin.cart.count()).toBe(cartsBefore);

    const { owner } = await newGuestCart(demo.aurora, bag, 1);
    await expect(inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: bag, quantity: 1 }))).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
    });
    const cart = await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, owner)));
    expect(cart.lines).toMatchObject([{ variantId: bag, quantity: 1 }]);
  });

  it("counts stock over every location, net of reservations", async () => {
    const dress = await variantOf("vestido-linho-aurora", 1);
    const second = await demo.database.admin.stockLocation.create({ data: { tenantId: demo.aurora.id, name: "Second", kind: "own" } });
    await setStock(dress, 3);
    await demo.database.admin.inventoryLevel.create({ data: { tenantId: demo.aurora.id, variantId: dress, locationId: second.id, onHand: 4, reserved: 2 } });
    const { owner } = await newGuestCart(demo.aurora, dress, 5);
    await expect(inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: dress, quantity: 1 }))).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
      details: { available: 5 },
    });
    await demo.database.admin.inventoryLevel.delete({ where: { tenantId_variantId_locationId: { tenantId: demo.aurora.id, variantId: dress, locationId: second.id } } });
    await setStock(dress, 8);
  });

  it("sets a quantity within stock, removes the line at 0, and refuses more than is available", async () => {
    const [small, medium] = [await variantOf("camiseta-algodao-organico"), await variantOf("camiseta-algodao-organico", 1)];
    const { owner } = await newGuestCart(demo.aurora, small, 1);
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: medium, quantity: 1 }));

    const updated = await inTenant(demo.aurora, (tx) => setCartLineQuantity(tx, shopper(demo.aurora, owner), { variantId: small, quantity: 4 }));
    expect(updated.lines.map((line) => [line.variantId, line.quantity])).toEqual([
      [small, 4],
      [medium, 1],
    ]);
    await expect(
      inTenant(demo.aurora, (tx) => setCartLineQuantity(tx, shopper(demo.aurora, owner), { variantId: small, quantity: 26 })),
    ).rejects.toMatchObject({ code: "OUT_OF_STOCK" });

    const removed = await inTenant(demo.aurora, (tx) => setCartLineQuantity(tx, shopper(demo.aurora, owner), { variantId: small, quantity: 0 }));
    expect(removed.lines.map((line) => line.variantId)).toEqual([medium]);
    await expect(
      inTenant(demo.aurora, (tx) => setCartLineQuantity(tx, shopper(demo.aurora, owner), { variantId: small, quantity: 1 })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const emptied = await inTenant(demo.aurora, (tx) => removeCartLine(tx, shopper(demo.aurora, owner), { variantId: medium }));
    expect(emptied.lines).toEqual([]);
    // A second Remove (double click, stale tab) is harmless.
    expect((await inTenant(demo.aurora, (tx) => removeCartLine(tx, shopper(demo.aurora, owner), { variantId: medium }))).lines).toEqual([]);
  });

  it("only takes variants of products on sale", async () => {
    const draft = await demo.database.admin.product.update({ where: { tenantId_slug: { tenantId: demo.aurora.id, slug: "vestido-linho-aurora" } }, data: { status: "draft" } });
    try {
      const dress = await variantOf("vestido-linho-aurora");
      await expect(inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, null), { variantId: dress, quantity: 1 }))).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    } finally {
      await demo.database.admin.product.update({ where: { id: draft.id }, data: { status: "active" } });
    }
  });
});

describe("the cart view", () => {
  it("re-reads prices every time: a seller's price change shows at once", async () => {
    const beanie = await variantOf("merino-beanie");
    const { owner } = await newGuestCart(demo.summit, beanie, 2);
    await inTenant(demo.summit, (tx) => tx.variantPrice.update({ where: { tenantId_variantId_currency: { tenantId: demo.summit.id, variantId: beanie, currency: "USD" } }, data: { amount: 3100 } }));
    const cart = await inTenant(demo.summit, (tx) => getCart(tx, shopper(demo.summit, owner)));
    expect(cart.lines).toMatchObject([{ unitPrice: 3100, total: 6200n }]);
    expect(cart.subtotal).toBe(6200n);
    await inTenant(demo.summit, (tx) => tx.variantPrice.update({ where: { tenantId_variantId_currency: { tenantId: demo.summit.id, variantId: beanie, currency: "USD" } }, data: { amount: 2900 } }));
  });

  it("re-prices in the shopper's currency and remembers it on the cart", async () => {
    const backpack = await variantOf("trail-backpack-28l");
    const { owner, token } = await newGuestCart(demo.summit, backpack, 1);
    const inEuros = await inTenant(demo.summit, (tx) => getCart(tx, shopper(demo.summit, owner, "EUR", "es")));
    expect(inEuros).toMatchObject({ currency: "EUR", subtotal: 8200n, lines: [{ unitPrice: 8200, productTitle: "Mochila de sendero 28 L" }] });
    expect(await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ currency: "EUR", locale: "es" });

    await expect(inTenant(demo.summit, (tx) => getCart(tx, shopper(demo.summit, owner, "BRL")))).rejects.toMatchObject({ code: "CURRENCY_NOT_ENABLED" });
  });

  it("flags lines that can't be bought as they stand, and holds checkout until none is left", async () => {
    const [forest, slate] = [await variantOf("trail-backpack-28l"), await variantOf("trail-backpack-28l", 1)];
    const beanie = await variantOf("merino-beanie");
    const { owner } = await newGuestCart(demo.summit, forest, 3);
    await inTenant(demo.summit, (tx) => addCartLine(tx, shopper(demo.summit, owner), { variantId: slate, quantity: 1 }));
    await inTenant(demo.summit, (tx) => addCartLine(tx, shopper(demo.summit, owner), { variantId: beanie, quantity: 1 }));

    await setStock(forest, 2);
    await setStock(slate, 0);
    await demo.database.admin.variantPrice.delete({ where: { tenantId_variantId_currency: { tenantId: demo.summit.id, variantId: beanie, currency: "EUR" } } });
    try {
      const cart = await inTenant(demo.summit, (tx) => getCart(tx, shopper(demo.summit, owner, "EUR")));
      expect(cart.lines.map((line) => [line.variantId, line.problem, line.available])).toEqual([
        [forest, "quantity_above_available", 2],
        [slate, "out_of_stock", 0],
        [beanie, "price_missing", 40],
      ]);
      expect(cart.lines[2]).toMatchObject({ unitPrice: null, total: null });
      expect(cart.subtotal).toBe(8200n * 4n);
      expect(cart.readyForCheckout).toBe(false);

      await demo.database.admin.product.updateMany({ where: { tenantId: demo.summit.id, slug: "trail-backpack-28l" }, data: { status: "archived" } });
      const archived = await inTenant(demo.summit, (tx) => getCart(tx, shopper(demo.summit, owner, "USD")));
      expect(archived.lines.map((line) => line.problem)).toEqual(["unavailable", "unavailable", null]);
    } finally {
      await demo.database.admin.product.updateMany({ where: { tenantId: demo.summit.id, slug: "trail-backpack-28l" }, data: { status: "active" } });
      await demo.database.admin.variantPrice.create({ data: { tenantId: demo.summit.id, variantId: beanie, currency: "EUR", amount: 2700 } });
      await setStock(forest, 12);
      await setStock(slate, 12);
    }
  });
});

describe("merging a guest cart into the customer's on sign-in", () => {
  it("sums quantities capped by stock, adds new lines and closes the guest cart", async () => {
    const customer = await inTenant(demo.aurora, (tx) => tx.customer.create({ data: { tenantId: demo.aurora.id, email: "merge@example.com", name: "Marta" } }));
    const customerOwner = { customerId: customer.id };
    const [large, dress, bag] = [await variantOf("camiseta-algodao-organico", 2), await variantOf("vestido-linho-aurora"), await variantOf("bolsa-de-palha")];
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, customerOwner), { variantId: dress, quantity: 5 }));

    const { owner: guest, token } = await newGuestCart(demo.aurora, dress, 6);
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, guest), { variantId: large, quantity: 2 }));
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, guest), { variantId: bag, quantity: 1 }));
    // Sold out between the add and the sign-in: nothing of it can be carried over.
    await setStock(bag, 0);

    const cartId = await inTenant(demo.aurora, (tx) => mergeGuestCartIntoCustomerCart(tx, demo.aurora.id, hashToken(token), customer.id));
    const merged = await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, customerOwner)));
    expect(merged.lines.map((line) => [line.variantId, line.quantity])).toEqual([
      [dress, 8],
      [large, 2],
    ]);
    expect(await demo.database.admin.cart.findUniqueOrThrow({ where: { id: cartId! } })).toMatchObject({ customerId: customer.id, status: "open" });
    expect(await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ status: "abandoned" });
    expect((await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, guest)))).lines).toEqual([]);
    // Merging again (a retried sign-in) changes nothing.
    expect(await inTenant(demo.aurora, (tx) => mergeGuestCartIntoCustomerCart(tx, demo.aurora.id, hashToken(token), customer.id))).toBeNull();
    await setStock(bag, 1);
  });

  it("gives a customer without a cart the guest's lines in a new cart of their own", async () => {
    const customer = await inTenant(demo.summit, (tx) => tx.customer.create({ data: { tenantId: demo.summit.id, email: "fresh@example.com", name: "Finn" } }));
    const beanie = await variantOf("merino-beanie");
    const { token } = await newGuestCart(demo.summit, beanie, 2);
    const cartId = await inTenant(demo.summit, (tx) => mergeGuestCartIntoCustomerCart(tx, demo.summit.id, hashToken(token), customer.id));
    const guestCart = await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(cartId).not.toBe(guestCart.id);
    const cart = await inTenant(demo.summit, (tx) => getCart(tx, shopper(demo.summit, { customerId: customer.id })));
    expect(cart.lines).toMatchObject([{ variantId: beanie, quantity: 2 }]);
  });
});

describe("checking out from the cart", () => {
  const gateway = testGateway();

  it("places the order from the cart's lines at current prices and converts the cart with it", async () => {
    const [shirt, dress] = [await variantOf("camiseta-algodao-organico"), await variantOf("vestido-linho-aurora", 1)];
    const { owner, token } = await newGuestCart(demo.aurora, shirt, 2);
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: dress, quantity: 1 }));
    const order = await placeOrder(demo.database.app, demo.aurora, checkoutDetails("cart-checkout-0001"), { cart: owner, expectedSubtotal: 2n * 8990n + 25990n }, gateway);
    expect(order).toMatchObject({ status: "paid", total: 43970n });
    const lines = await demo.database.admin.orderLine.findMany({ where: { orderId: order.id }, orderBy: { unitPrice: "asc" } });
    expect(lines.map((line) => [line.variantId, line.quantity, line.unitPrice])).toEqual([
      [shirt, 2, 8990],
      [dress, 1, 25990],
    ]);
    expect(await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ status: "converted" });

    // The same cookie now names no open cart: the next add starts a new one under a new token.
    expect((await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, owner)))).lines).toEqual([]);
    const next = await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: shirt, quantity: 1 }));
    expect(next.guestToken).not.toBe(token);
  });

  it("refuses a subtotal the shopper wasn't shown (a price changed) and leaves the cart as it was", async () => {
    const shirt = await variantOf("camiseta-algodao-organico", 2);
    const { owner, token } = await newGuestCart(demo.aurora, shirt, 1);
    const ordersBefore = await demo.database.admin.order.count();
    await expect(
      placeOrder(demo.database.app, demo.aurora, checkoutDetails("cart-checkout-0002"), { cart: owner, expectedSubtotal: 7990n }, gateway),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await demo.database.admin.order.count()).toBe(ordersBefore);
    expect(await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ status: "open" });
  });

  it("gives the cart back when the payment is declined", async () => {
    const shirt = await variantOf("camiseta-algodao-organico", 2);
    const { owner, token } = await newGuestCart(demo.aurora, shirt, 1);
    await expect(
      placeOrder(
        demo.database.app,
        demo.aurora,
        checkoutDetails("cart-checkout-0003", { payment: { method: "card", installments: 1, fields: { token: TEST_DECLINE_TOKEN } } }),
        { cart: owner, expectedSubtotal: 8990n },
        gateway,
      ),
    ).rejects.toMatchObject({ code: "PAYMENT_DECLINED" });
    expect(await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ status: "open" });
    expect((await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, owner)))).lines).toMatchObject([{ variantId: shirt, quantity: 1 }]);
  });

  it("gives a customer who started a new cart meanwhile the cancelled order's lines in that cart", async () => {
    const [shirt, dress] = await Promise.all([variantOf("camiseta-algodao-organico", 1), variantOf("vestido-linho-aurora")]);
    const customer = await inTenant(demo.aurora, (tx) => tx.customer.create({ data: { tenantId: demo.aurora.id, email: "boleto@example.com", name: "Bia" } }));
    const owner = { customerId: customer.id };
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: shirt, quantity: 2 }));
    const order = await placeOrder(
      demo.database.app,
      demo.aurora,
      checkoutDetails("cart-checkout-0005", { payment: { method: "boleto", installments: 1, fields: {} } }),
      { cart: owner, expectedSubtotal: 17980n },
      gateway,
    );
    // While the boleto waits, a new cart with the dress and one more shirt.
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: dress, quantity: 1 }));
    await inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, owner), { variantId: shirt, quantity: 1 }));

    const payment = await demo.database.admin.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(await settlePayment(demo.database.app, demo.aurora, payment.id, "expired")).toBe(true);
    const cart = await inTenant(demo.aurora, (tx) => getCart(tx, shopper(demo.aurora, owner)));
    expect(cart.lines.map((line) => [line.variantId, line.quantity]).sort()).toEqual([[dress, 1], [shirt, 3]].sort());
    expect(await demo.database.admin.cart.count({ where: { customerId: customer.id, status: "open" } })).toBe(1);
  });

  it("refuses an empty or unknown cart", async () => {
    await expect(
      placeOrder(demo.database.app, demo.aurora, checkoutDetails("cart-checkout-0004"), { cart: guestCartOwner("no-such-cart"), expectedSubtotal: 0n }, gateway),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("tenant isolation", () => {
  it("finds nothing of another store's cart by its token or ids, and changes nothing in it", async () => {
    const shirt = await variantOf("camiseta-algodao-organico");
    const { owner, token } = await newGuestCart(demo.aurora, shirt, 1);
    const auroraCart = await demo.database.admin.cart.findFirstOrThrow({ where: { tokenHash: hashToken(token) }, include: { lines: true } });

    await inTenant(demo.summit, async (tx) => {
      expect((await getCart(tx, shopper(demo.summit, owner))).lines).toEqual([]);
      expect(await tx.cart.findUnique({ where: { id: auroraCart.id } })).toBeNull();
      expect(await tx.cartLine.findMany({ where: { cartId: auroraCart.id } })).toEqual([]);
      expect((await tx.cartLine.updateMany({ where: { id: auroraCart.lines[0]!.id }, data: { quantity: 9 } })).count).toBe(0);
    });
    await expect(inTenant(demo.summit, (tx) => setCartLineQuantity(tx, shopper(demo.summit, owner), { variantId: shirt, quantity: 3 }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another store's variant can't go into a cart either.
    await expect(inTenant(demo.summit, (tx) => addCartLine(tx, shopper(demo.summit, null), { variantId: shirt, quantity: 1 }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await demo.database.admin.cartLine.findUniqueOrThrow({ where: { id: auroraCart.lines[0]!.id } })).toMatchObject({ quantity: 1 });
  });
});

describe("bad input", () => {
  it("is rejected with a validation error before anything is written", async () => {
    const shirt = await variantOf("camiseta-algodao-organico");
    const before = { carts: await demo.database.admin.cart.count(), lines: await demo.database.admin.cartLine.count() };
    const attempts: Array<(tx: Tx) => Promise<unknown>> = [
      (tx) => addCartLine(tx, shopper(demo.aurora, null), { variantId: shirt, quantity: 0 }),
      (tx) => addCartLine(tx, shopper(demo.aurora, null), { variantId: shirt, quantity: 100 }),
      (tx) => addCartLine(tx, shopper(demo.aurora, null), { variantId: shirt, quantity: 1.5 }),
      (tx) => addCartLine(tx, shopper(demo.aurora, null), { variantId: "not-a-uuid", quantity: 1 }),
      (tx) => addCartLine(tx, shopper(demo.aurora, null, "brl"), { variantId: shirt, quantity: 1 }),
      (tx) => setCartLineQuantity(tx, shopper(demo.aurora, null), { variantId: shirt, quantity: -1 }),
    ];
    for (const attempt of attempts) await expect(inTenant(demo.aurora, attempt)).rejects.toBeInstanceOf(ZodError);
    await expect(inTenant(demo.aurora, (tx) => addCartLine(tx, shopper(demo.aurora, null, "EUR"), { variantId: shirt, quantity: 1 }))).rejects.toMatchObject({
      code: "CURRENCY_NOT_ENABLED",
    });
    expect({ carts: await demo.database.admin.cart.count(), lines: await demo.database.admin.cartLine.count() }).toEqual(before);
  });

  it("caps a line at 99 units", async () => {
    const beanie = await variantOf("merino-beanie");
    await setStock(beanie, 500);
    const { owner } = await newGuestCart(demo.summit, beanie, 99);
    await expect(inTenant(demo.summit, (tx) => addCartLine(tx, shopper(demo.summit, owner), { variantId: beanie, quantity: 1 }))).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await setStock(beanie, 40);
  });
});

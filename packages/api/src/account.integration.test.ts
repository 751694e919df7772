import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_LOOKUP_ATTEMPTS, MAX_SIGN_IN_ATTEMPTS, PASSWORD_RESET_REQUESTED } from "@primestore/core/account";
import { hashToken } from "@primestore/core/auth";
import { createFileMailer, sendPasswordResetEmail } from "@primestore/core/notifications";
import { createShippedOrder } from "@primestore/db/testing";
import { describe, expect, it } from "vitest";
import { CART_COOKIE, CUSTOMER_COOKIE } from "./context.ts";
import { errorData } from "./errors.ts";
import { browserOn, callerFor, rejection, seededApi, type Caller } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
const aurora = () => browserOn(() => seeded.deps, "aurora.localhost:3000");
const summit = () => browserOn(() => seeded.deps, "summit.localhost");

const password = "correct horse battery";
const brAddress = { name: "Carla Souza", line1: "Rua das Flores", number: "10", district: "Centro", city: "Recife", region: "PE", postalCode: "50000000", country: "BR", taxId: "529.982.247-25" };

async function tenantId(slug: string): Promise<string> {
  return (await admin().tenant.findUniqueOrThrow({ where: { slug } })).id;
}

/** A shopper signed up on Aurora, with the browser that did it. */
async function signedUp(email = `${randomUUID()}@example.com`, browser = aurora()) {
  await browser.call((api) => api.account.signUp({ name: "Carla", email, password, locale: "pt-BR" }));
  return { browser, email, customer: await admin().customer.findFirstOrThrow({ where: { email } }) };
}

let nextNumber = 5000;
async function orderFor(slug: string, owner: { email: string; customerId?: string | null }) {
  nextNumber += 1;
  return createShippedOrder(admin(), { tenantId: await tenantId(slug), number: nextNumber, ...owner });
}

/** What the worker does with the reset event: the test mailer's .eml holds the only copy of the link. */
async function emailedResetLink(slug: string, customerId: string): Promise<{ token: string; url: string; eml: string }> {
  const event = await admin().outboxEvent.findFirstOrThrow({
    where: { type: PASSWORD_RESET_REQUESTED, payload: { path: ["customerId"], equals: customerId } },
    orderBy: { id: "desc" },
  });
  const payload = event.payload as { customerId: string; locale: string; origin: string };
  const mailDir = await mkdtemp(join(tmpdir(), "primestore-reset-"));
  expect(await sendPasswordResetEmail(seeded.database.app, createFileMailer(mailDir), await tenantId(slug), { eventId: event.id, ...payload })).toBe("sent");
  const [file] = await readdir(mailDir);
  const eml = await readFile(join(mailDir, file!), "utf8");
  const url = eml.match(/https?:\/\/\S+reset-password\?token=\S+/)![0];
  return { token: decodeURIComponent(new URL(url).searchParams.get("token")!), url, eml };
}

describe("sign-up", () => {
  it("creates the account, signs it in with a private, HttpOnly cookie and remembers the language", async () => {
    const browser = aurora();
    const email = `new-${randomUUID()}@example.com`;
    const { headers } = await browser.call((api) => api.account.signUp({ name: " Carla ", email: email.toUpperCase(), password, locale: "pt-BR" }));
    expect(headers.get("cache-control")).toBe("private, no-store");
    const cookie = headers.getSetCookie().find((set) => set.startsWith(`${CUSTOMER_COOKIE}=`))!;
    // Thirty days, give or take the second the request took.
    expect(cookie.split("; ").slice(1).sort()).toEqual(["HttpOnly", expect.stringMatching(/^Max-Age=259(1999|2000)$/), "Path=/", "SameSite=Lax"]);

    const customer = await admin().customer.findFirstOrThrow({ where: { email } });
    expect(customer).toMatchObject({ name: "Carla", locale: "pt-BR" });
    expect(customer.passwordHash).toMatch(/^\$argon2id\$/);
    const token = decodeURIComponent(browser.cookie(CUSTOMER_COOKIE)!);
    expect(await admin().customerSession.count({ where: { customerId: customer.id, tokenHash: hashToken(token) } })).toBe(1);
    expect((await browser.call((api) => api.account.me())).result).toEqual({ id: customer.id, email, name: "Carla" });
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const before = await admin().customer.count();
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: "Ana", email: "not-an-email", password, locale: "pt-BR" }, "email"],
      [{ name: "Ana", email: "ana@example.com", password: "short", locale: "pt-BR" }, "password"],
      [{ name: "  ", email: "ana@example.com", password, locale: "pt-BR" }, "name"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(aurora().call((api) => api.account.signUp(input as never)));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", "VALIDATION"]);
      expect(Object.keys(errorData(error).fieldErrors ?? {})).toEqual([field]);
    }
    expect(await admin().customer.count()).toBe(before);
  });

  it("answers EMAIL_TAKEN for an email this store knows, even a guest record without a password", async () => {
    const { email } = await signedUp();
    expect((await rejection(aurora().call((api) => api.account.signUp({ name: "Other", email, password: "another password", locale: "pt-BR" })))).message).toBe(
      "EMAIL_TAKEN",
    );
    const guest = await admin().customer.create({ data: { tenantId: await tenantId("aurora"), email: `guest-${randomUUID()}@example.com`, name: "Guest" } });
    const claim = await rejection(aurora().call((api) => api.account.signUp({ name: "Guest", email: guest.email, password, locale: "pt-BR" })));
    expect([claim.code, claim.message]).toEqual(["CONFLICT", "EMAIL_TAKEN"]);
    expect((await admin().customer.findUniqueOrThrow({ where: { id: guest.id } })).passwordHash).toBeNull();
  });

  it("keeps stores apart: the same email signs up separately on each", async () => {
    const { email, customer } = await signedUp();
    await summit().call((api) => api.account.signUp({ name: "Carla US", email, password: "a different password", locale: "en" }));
    const accounts = await admin().customer.findMany({ where: { email } });
    expect(accounts.map((account) => account.tenantId).sort()).toEqual([await tenantId("aurora"), await tenantId("summit")].sort());
    expect(accounts.find((account) => account.id !== customer.id)?.name).toBe("Carla US");
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with the right password, remembers the language, and signs out this browser only", async () => {
    const { email, customer } = await signedUp();
    const other = aurora();
    await other.call((api) => api.account.signIn({ email, password, locale: "en" }));
    expect((await admin().customer.findUniqueOrThrow({ where: { id: customer.id } })).locale).toBe("en");
    expect((await other.call((api) => api.account.me())).result?.id).toBe(customer.id);

    const { headers } = await other.call((api) => api.account.signOut());
    expect(headers.getSetCookie()).toContainEqual(expect.stringMatching(new RegExp(`^${CUSTOMER_COOKIE}=; .*Max-Age=0`)));
    expect(other.cookie(CUSTOMER_COOKIE)).toBeUndefined();
    expect(await admin().customerSession.count({ where: { customerId: customer.id } })).toBe(1);
    expect((await other.call((api) => api.account.me())).result).toBeNull();
  });

  it("gives one INVALID_CREDENTIALS for a wrong password, an unknown email and a guest record", async () => {
    const { email } = await signedUp();
    const guest = await admin().customer.create({ data: { tenantId: await tenantId("aurora"), email: `guest-${randomUUID()}@example.com`, name: "Guest" } });
    for (const attempt of [
      { email, password: "wrong password" },
      { email: `nobody-${randomUUID()}@example.com`, password },
      { email: guest.email, password },
    ]) {
      const error = await rejection(aurora().call((api) => api.account.signIn({ ...attempt, locale: "pt-BR" })));
      expect([error.code, error.message]).toEqual(["UNAUTHORIZED", "INVALID_CREDENTIALS"]);
    }
    const bad = await rejection(aurora().call((api) => api.account.signIn({ email: "", password: "", locale: "pt-BR" })));
    expect(Object.keys(errorData(bad).fieldErrors ?? {}).sort()).toEqual(["email", "password"]);
  });

  it("limits password guesses per account, parallel ones included, and counts each store apart", async () => {
    const { email } = await signedUp();
    const guesses = await Promise.all(
      Array.from({ length: MAX_SIGN_IN_ATTEMPTS + 5 }, (_, guess) => rejection(aurora().call((api) => api.account.signIn({ email, password: `guess ${guess}`, locale: "pt-BR" })))),
    );
    expect(guesses.filter((answer) => answer.message === "INVALID_CREDENTIALS")).toHaveLength(MAX_SIGN_IN_ATTEMPTS);
    expect(guesses.filter((answer) => answer.message === "RATE_LIMITED")).toHaveLength(5);
    // Even the right password waits for the window to end; another store's count is its own.
    expect((await rejection(aurora().call((api) => api.account.signIn({ email, password, locale: "pt-BR" })))).message).toBe("RATE_LIMITED");
    expect((await rejection(summit().call((api) => api.account.signIn({ email, password, locale: "en" })))).message).toBe("INVALID_CREDENTIALS");
  });

  it("keeps stores apart: an Aurora account can't sign in on Summit, and its cookie means nothing there", async () => {
    const { email, browser } = await signedUp();
    expect((await rejection(summit().call((api) => api.account.signIn({ email, password, locale: "en" })))).message).toBe("INVALID_CREDENTIALS");
    const cookie = `${CUSTOMER_COOKIE}=${browser.cookie(CUSTOMER_COOKIE)}`;
    const { caller } = await callerFor(seeded.deps, "storefront", { host: "summit.localhost", cookie });
    expect(await caller.account.me()).toBeNull();
    expect((await rejection(caller.account.listOrders({}))).message).toBe("UNAUTHORIZED");
  });

  it("merges the guest cart into the customer's cart and expires the guest cart cookie", async () => {
    const { email, customer } = await signedUp();
    const shirt = await admin().variant.findFirstOrThrow({ where: { product: { slug: "camiseta-algodao-organico" } }, orderBy: { position: "asc" } });
    const browser = aurora();
    await browser.call((api) => api.cart.addLine({ currency: "BRL", locale: "pt-BR", variantId: shirt.id, quantity: 2 }));
    expect(browser.cookie(CART_COOKIE)).toBeTruthy();

    const { headers } = await browser.call((api) => api.account.signIn({ email, password, locale: "pt-BR" }));
    expect(headers.getSetCookie()).toContainEqual(expect.stringMatching(new RegExp(`^${CART_COOKIE}=; .*Max-Age=0`)));
    expect(browser.cookie(CART_COOKIE)).toBeUndefined();
    const cart = (await browser.call((api) => api.cart.get({ currency: "BRL", locale: "pt-BR" }))).result;
    expect(cart.lines.map((line) => [line.variantId, line.quantity])).toEqual([[shirt.id, 2]]);
    expect(await admin().cart.count({ where: { customerId: customer.id, status: "open" } })).toBe(1);
  });

  it("merges on sign-up too", async () => {
    const shirt = await admin().variant.findFirstOrThrow({ where: { product: { slug: "camiseta-algodao-organico" } }, orderBy: { position: "asc" } });
    const browser = aurora();
    await browser.call((api) => api.cart.addLine({ currency: "BRL", locale: "pt-BR", variantId: shirt.id, quantity: 1 }));
    await signedUp(`merge-${randomUUID()}@example.com`, browser);
    expect(browser.cookie(CART_COOKIE)).toBeUndefined();
    expect((await browser.call((api) => api.cart.count())).result).toEqual({ itemCount: 1 });
  });
});

describe("password reset", () => {
  it("emails a single-use link, stores only its hash, ends every session and lets the new password in", async () => {
    const { email, customer, browser } = await signedUp();
    const { headers } = await aurora().call((api) => api.account.requestPasswordReset({ email, locale: "pt-BR" }));
    expect(headers.get("cache-control")).toBe("private, no-store");
    const event = await admin().outboxEvent.findFirstOrThrow({ where: { type: PASSWORD_RESET_REQUESTED, payload: { path: ["customerId"], equals: customer.id } } });
    expect(event.payload).toEqual({ customerId: customer.id, locale: "pt-BR", origin: "http://aurora.localhost:3000" });

    const { token, url, eml } = await emailedResetLink("aurora", customer.id);
    expect(url.startsWith("http://aurora.localhost:3000/pt-BR/account/reset-password?token=")).toBe(true);
    expect(eml).toContain("Olá, Carla!");
    const stored = await admin().passwordReset.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    const notification = await admin().notification.findFirstOrThrow({ where: { template: "customer.password_reset", recipient: email } });
    expect(notification.status).toBe("sent");
    expect(JSON.stringify([notification, event])).not.toContain(token);

    const result = await aurora().call((api) => api.account.resetPassword({ token, password: "a brand new password" }));
    expect(result.result).toEqual({ email });
    expect(await admin().customerSession.count({ where: { customerId: customer.id } })).toBe(0);
    expect((await browser.call((api) => api.account.me())).result).toBeNull();
    expect((await rejection(aurora().call((api) => api.account.signIn({ email, password, locale: "pt-BR" })))).message).toBe("INVALID_CREDENTIALS");
    await aurora().call((api) => api.account.signIn({ email, password: "a brand new password", locale: "pt-BR" }));

    const again = await rejection(aurora().call((api) => api.account.resetPassword({ token, password: "yet another password" })));
    expect([again.code, again.message]).toEqual(["BAD_REQUEST", "RESET_TOKEN_INVALID"]);
  });

  it("answers the same for an unknown email and records nothing", async () => {
    const before = await admin().outboxEvent.count({ where: { type: PASSWORD_RESET_REQUESTED } });
    const { result } = await aurora().call((api) => api.account.requestPasswordReset({ email: `nobody-${randomUUID()}@example.com`, locale: "pt-BR" }));
    expect(result).toEqual({ ok: true });
    expect(await admin().outboxEvent.count({ where: { type: PASSWORD_RESET_REQUESTED } })).toBe(before);
    const bad = await rejection(aurora().call((api) => api.account.requestPasswordReset({ email: "nope", locale: "pt-BR" })));
    expect(bad.message).toBe("VALIDATION");
    expect(await admin().outboxEvent.count({ where: { type: PASSWORD_RESET_REQUESTED } })).toBe(before);
  });

  it("refuses an expired link, a link of another store, and a short password without using the link", async () => {
    const { email, customer } = await signedUp();
    await aurora().call((api) => api.account.requestPasswordReset({ email, locale: "en" }));
    const { token } = await emailedResetLink("aurora", customer.id);

    expect((await rejection(summit().call((api) => api.account.resetPassword({ token, password: "a brand new password" })))).message).toBe("RESET_TOKEN_INVALID");
    const short = await rejection(aurora().call((api) => api.account.resetPassword({ token, password: "short" })));
    expect(Object.keys(errorData(short).fieldErrors ?? {})).toEqual(["password"]);
    const reset = await admin().passwordReset.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(reset.usedAt).toBeNull();

    await admin().passwordReset.update({ where: { id: reset.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await rejection(aurora().call((api) => api.account.resetPassword({ token, password: "a brand new password" })))).message).toBe("RESET_TOKEN_INVALID");
    expect((await admin().customer.findUniqueOrThrow({ where: { id: customer.id } })).passwordHash).toBe(customer.passwordHash);
  });

  it("makes an earlier link stop working when a newer one is sent", async () => {
    const { email, customer } = await signedUp();
    await aurora().call((api) => api.account.requestPasswordReset({ email, locale: "pt-BR" }));
    const first = await emailedResetLink("aurora", customer.id);
    await aurora().call((api) => api.account.requestPasswordReset({ email, locale: "pt-BR" }));
    const second = await emailedResetLink("aurora", customer.id);
    expect((await rejection(aurora().call((api) => api.account.resetPassword({ token: first.token, password: "a brand new password" })))).message).toBe(
      "RESET_TOKEN_INVALID",
    );
    await aurora().call((api) => api.account.resetPassword({ token: second.token, password: "a brand new password" }));
  });

  it("lets a guest claim their orders: the link proves the mailbox, and guest orders join the account", async () => {
    const { email, customer, browser } = await signedUp();
    const guestOrder = await orderFor("aurora", { email });
    expect((await browser.call((api) => api.account.listOrders({}))).result.orders).toEqual([]);
    await aurora().call((api) => api.account.requestPasswordReset({ email, locale: "pt-BR" }));
    const { token } = await emailedResetLink("aurora", customer.id);
    await aurora().call((api) => api.account.resetPassword({ token, password: "a brand new password" }));
    const signedIn = aurora();
    await signedIn.call((api) => api.account.signIn({ email, password: "a brand new password", locale: "pt-BR" }));
    expect((await signedIn.call((api) => api.account.listOrders({}))).result.orders.map((order) => order.number)).toEqual([guestOrder.number]);
  });
});

describe("addresses", () => {
  it("creates, lists, updates, makes default and deletes the customer's own addresses", async () => {
    const { browser } = await signedUp();
    const first = (await browser.call((api) => api.account.createAddress({ address: brAddress }))).result;
    expect(first).toMatchObject({ postalCode: "50000-000", taxId: "52998224725", isDefault: true, line2: null });
    const second = (await browser.call((api) => api.account.createAddress({ address: { ...brAddress, name: "Trabalho", line2: "Sala 2" } }))).result;
    expect(second.isDefault).toBe(false);

    await browser.call((api) => api.account.setDefaultAddress({ id: second.id }));
    const listed = (await browser.call((api) => api.account.listAddresses())).result;
    expect(listed.map((address) => [address.name, address.isDefault])).toEqual([
      ["Trabalho", true],
      ["Carla Souza", false],
    ]);

    const updated = (await browser.call((api) => api.account.updateAddress({ id: second.id, address: { ...brAddress, name: "Escritório" } }))).result;
    expect(updated).toMatchObject({ name: "Escritório", line2: null, isDefault: true });

    await browser.call((api) => api.account.deleteAddress({ id: second.id }));
    const left = (await browser.call((api) => api.account.listAddresses())).result;
    expect(left.map((address) => [address.id, address.isDefault])).toEqual([[first.id, true]]);
  });

  it("validates with checkout's rules (CEP, CPF/CNPJ in Brazil) and writes nothing on bad input", async () => {
    const { browser, customer } = await signedUp();
    const error = await rejection(browser.call((api) => api.account.createAddress({ address: { ...brAddress, postalCode: "123", taxId: "111.111.111-11" } })));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", "VALIDATION"]);
    expect(Object.keys(errorData(error).fieldErrors ?? {}).sort()).toEqual(["address.postalCode", "address.taxId"]);
    const abroad = await browser.call((api) => api.account.createAddress({ address: { name: "Casey", line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" } }));
    expect(abroad.result.taxId).toBeNull();
    expect(await admin().address.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("needs a signed-in customer, and finds nothing of another customer's or another store's", async () => {
    const owner = await signedUp();
    const address = (await owner.browser.call((api) => api.account.createAddress({ address: brAddress }))).result;
    expect((await rejection(aurora().call((api) => api.account.listAddresses()))).message).toBe("UNAUTHORIZED");

    const neighbour = await signedUp();
    const onSummit = summit();
    await onSummit.call((api) => api.account.signUp({ name: "Sam", email: `sam-${randomUUID()}@example.com`, password, locale: "en" }));
    const attempts: Array<(api: Caller) => Promise<unknown>> = [
      (api) => api.account.updateAddress({ id: address.id, address: { ...brAddress, name: "Hijacked" } }),
      (api) => api.account.setDefaultAddress({ id: address.id }),
      (api) => api.account.deleteAddress({ id: address.id }),
    ];
    for (const intruder of [neighbour.browser, onSummit]) {
      expect((await intruder.call((api) => api.account.listAddresses())).result).toEqual([]);
      for (const attempt of attempts) expect((await rejection(intruder.call(attempt))).message).toBe("NOT_FOUND");
    }
    expect(await admin().address.findUniqueOrThrow({ where: { id: address.id } })).toMatchObject({ name: "Carla Souza", isDefault: true });
  });
});

describe("order history", () => {
  it("lists the customer's orders newest first, a page at a time", async () => {
    const { browser, customer, email } = await signedUp();
    const orders = [];
    for (let i = 0; i < 3; i += 1) orders.push(await orderFor("aurora", { email, customerId: customer.id }));
    await orderFor("aurora", { email: "someone-else@example.com" });

    const first = (await browser.call((api) => api.account.listOrders({ limit: 2 }))).result;
    expect(first.orders.map((order) => order.number)).toEqual([orders[2]!.number, orders[1]!.number]);
    expect(first.orders[0]).toMatchObject({ status: "shipped", total: 19480n, currency: "BRL", itemCount: 2 });
    const second = (await browser.call((api) => api.account.listOrders({ limit: 2, after: first.nextCursor! }))).result;
    expect(second).toEqual({ orders: [expect.objectContaining({ number: orders[0]!.number })], nextCursor: null });
    expect((await rejection(browser.call((api) => api.account.listOrders({ limit: 500 })))).message).toBe("VALIDATION");
  });

  it("shows an order with its lines, address, payment, timeline and tracking number", async () => {
    const { browser, customer, email } = await signedUp();
    const order = await orderFor("aurora", { email, customerId: customer.id });
    const { result, headers } = await browser.call((api) => api.account.getOrder({ number: order.number }));
    expect(headers.get("cache-control")).toBe("private, no-store");
    expect(result).toMatchObject({
      number: order.number,
      status: "shipped",
      subtotal: 17980n,
      shippingTotal: 1500n,
      total: 19480n,
      lines: [{ sku: "CAM-M", quantity: 2, unitPrice: 8990, total: 17980n }],
      shippingAddress: { name: "Carla Souza", postalCode: "50000-000", district: "Centro" },
      payments: [{ method: "pix", status: "paid", amount: 19480n }],
      fulfillments: [{ status: "shipped", carrier: "Correios", trackingNumber: "BR123456789BR" }],
    });
    expect(result.timeline.map((change) => change.status)).toEqual(["pending_payment", "paid", "shipped"]);
    expect(result.fulfillments[0]!.lineIds).toEqual(result.lines.map((line) => line.id));
    expect(result.shippingAddress).not.toHaveProperty("taxId");
  });

  it("finds no other customer's order, and no other store's", async () => {
    const owner = await signedUp();
    const order = await orderFor("aurora", { email: owner.email, customerId: owner.customer.id });
    const neighbour = await signedUp();
    expect((await rejection(neighbour.browser.call((api) => api.account.getOrder({ number: order.number })))).message).toBe("NOT_FOUND");
    const onSummit = summit();
    await onSummit.call((api) => api.account.signUp({ name: "Sam", email: owner.email, password, locale: "en" }));
    expect((await rejection(onSummit.call((api) => api.account.getOrder({ number: order.number })))).message).toBe("NOT_FOUND");
    expect((await onSummit.call((api) => api.account.listOrders({}))).result.orders).toEqual([]);
  });
});

describe("guest order lookup", () => {
  it("finds an order by email and number, with the same NOT_FOUND for a wrong email or number", async () => {
    const email = `guest-${randomUUID()}@example.com`;
    const order = await orderFor("aurora", { email });
    const found = await aurora().call((api) => api.account.lookupGuestOrder({ email: email.toUpperCase(), number: order.number }));
    expect(found.result).toMatchObject({ number: order.number, fulfillments: [{ trackingNumber: "BR123456789BR" }] });
    expect(found.headers.get("cache-control")).toBe("private, no-store");

    const wrongEmail = await rejection(aurora().call((api) => api.account.lookupGuestOrder({ email: "other@example.com", number: order.number })));
    const wrongNumber = await rejection(aurora().call((api) => api.account.lookupGuestOrder({ email, number: 999_999 })));
    expect([wrongEmail.code, wrongEmail.message]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect([wrongNumber.code, wrongNumber.message]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect((await rejection(summit().call((api) => api.account.lookupGuestOrder({ email, number: order.number })))).message).toBe("NOT_FOUND");
    expect((await rejection(aurora().call((api) => api.account.lookupGuestOrder({ email, number: -1 })))).message).toBe("VALIDATION");
  });

  it("answers an email's guesses up to the limit, even in a parallel burst, then not even the right number", async () => {
    const email = `guesser-${randomUUID()}@example.com`;
    const order = await orderFor("aurora", { email });
    const burst = await Promise.all(
      Array.from({ length: MAX_LOOKUP_ATTEMPTS + 20 }, (_, guess) => rejection(aurora().call((api) => api.account.lookupGuestOrder({ email, number: 900_000 + guess })))),
    );
    expect(burst.filter((answer) => answer.message === "NOT_FOUND")).toHaveLength(MAX_LOOKUP_ATTEMPTS);
    expect(burst.filter((answer) => answer.message === "RATE_LIMITED")).toHaveLength(20);
    const limited = await rejection(aurora().call((api) => api.account.lookupGuestOrder({ email, number: order.number })));
    expect([limited.code, limited.message]).toEqual(["TOO_MANY_REQUESTS", "RATE_LIMITED"]);
    // Another store's counter is its own.
    expect((await rejection(summit().call((api) => api.account.lookupGuestOrder({ email, number: order.number })))).message).toBe("NOT_FOUND");
  });
});

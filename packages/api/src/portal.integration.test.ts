import { DEMO_PASSWORD } from "@primestore/core/seed";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./context.ts";
import { callerFor, portalRequest, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();

async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const { caller, resHeaders } = await callerFor(seeded.deps, "portal", {});
  await caller.auth.signIn({ email, password });
  const cookie = resHeaders.get("set-cookie") ?? "";
  expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax`));
  return cookie.split(";")[0]!;
}

const portal = (cookie: string, store?: string) => portalRequest(seeded.deps, cookie, store);


const newProduct = { title: "Chapéu de palha", slug: "chapeu-de-palha", sku: "CHAPEU-1", prices: { BRL: 7990 }, stock: 3 };

describe("seller sign-in", () => {
  it("refuses a wrong password or unknown email alike, without a session", async () => {
    const { caller, resHeaders } = await callerFor(seeded.deps, "portal", {});
    const wrong = await rejection(caller.auth.signIn({ email: "ana@aurora.example", password: "nope" }));
    const unknown = await rejection(caller.auth.signIn({ email: "ghost@example.com", password: "nope" }));
    expect([wrong.message, unknown.message]).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS"]);
    expect(resHeaders.get("set-cookie")).toBeNull();
    expect(await seeded.database.admin.session.count()).toBe(0);
  });

  it("stores only a hash of the session token and lists the seller's stores", async () => {
    const cookie = await signIn("ANA@aurora.example");
    const token = decodeURIComponent(cookie.split("=")[1]!);
    expect(await seeded.database.admin.session.count({ where: { tokenHash: token } })).toBe(0);
    const me = await (await portal(cookie)).auth.me();
    expect(me?.memberships.map((m) => m.tenantSlug)).toEqual(["aurora"]);
    expect(me?.staffRole).toBeNull();
  });
});

describe("seller products", () => {
  it("creates a product in the seller's own store only, and the cached storefront catalog shows it", async () => {
    const storefront = (await callerFor(seeded.deps, "storefront", { host: "aurora.localhost" })).caller;
    const listed = async () => (await storefront.catalog.list({ currency: "BRL", locale: "pt-BR" })).items.map((p) => p.slug);
    expect(await listed()).not.toContain("chapeu-de-palha");
    // Cached: a change behind the API's back stays invisible until the catalog is invalidated.
    await seeded.database.admin.product.updateMany({ where: { slug: "bolsa-de-palha" }, data: { status: "draft" } });
    expect(await listed()).toContain("bolsa-de-palha");

    const cookie = await signIn("ana@aurora.example");
    const created = await (await portal(cookie, "aurora")).catalog.create(newProduct);
    expect(created.slug).toBe("chapeu-de-palha");
    expect(await listed()).toContain("chapeu-de-palha");
    expect(await listed()).not.toContain("bolsa-de-palha");
    await seeded.database.admin.product.updateMany({ where: { slug: "bolsa-de-palha" }, data: { status: "active" } });
    const list = await (await portal(cookie, "aurora")).catalog.sellerList();
    expect(list.items.find((p) => p.slug === "chapeu-de-palha")).toMatchObject({ price: 7990, stock: 3, status: "active" });
    const summit = await seeded.database.admin.tenant.findUniqueOrThrow({ where: { slug: "summit" } });
    expect(await seeded.database.admin.product.count({ where: { tenantId: summit.id, slug: "chapeu-de-palha" } })).toBe(0);
  });

  it("forbids acting on a store the seller isn't a member of", async () => {
    const cookie = await signIn("ana@aurora.example");
    const error = await rejection((await portal(cookie, "summit")).catalog.create({ ...newProduct, slug: "intruso", prices: { USD: 100 } }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await seeded.database.admin.product.count({ where: { slug: "intruso" } })).toBe(0);
  });

  it("requires a session", async () => {
    const error = await rejection((await portal("", "aurora")).catalog.sellerList());
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("answers bad input with field errors, duplicates with CONFLICT, and writes nothing", async () => {
    const cookie = await signIn("ana@aurora.example");
    const before = await seeded.database.admin.product.count();
    const invalid = await rejection((await portal(cookie, "aurora")).catalog.create({ ...newProduct, slug: "Not A Slug", prices: { BRL: -5 } }));
    expect(invalid.code).toBe("BAD_REQUEST");
    const duplicate = await rejection((await portal(cookie, "aurora")).catalog.create({ ...newProduct, sku: "OTHER-SKU" }));
    expect(duplicate.message).toBe("CONFLICT");
    const foreignCurrency = await rejection((await portal(cookie, "aurora")).catalog.create({ ...newProduct, slug: "x-eur", sku: "X-EUR", prices: { EUR: 100 } }));
    expect(foreignCurrency.message).toBe("CURRENCY_NOT_ENABLED");
    expect(await seeded.database.admin.product.count()).toBe(before);
  });
});

describe("platform staff", () => {
  it("lists every tenant for staff and nothing for sellers", async () => {
    const seller = await signIn("ana@aurora.example");
    expect((await rejection((await portal(seller)).tenants.staffList())).code).toBe("FORBIDDEN");
    const staff = await signIn("staff@primestore.example");
    const tenants = await (await portal(staff)).tenants.staffList();
    expect(tenants.map((t) => t.slug).sort()).toEqual(["aurora", "sol", "summit"]);
    expect(tenants.find((t) => t.slug === "aurora")).toMatchObject({ hosts: ["aurora.localhost"], currencies: ["BRL", "USD"] });
  });
});

import { createProductInput } from "@primestore/core/catalog";
import { DEMO_PASSWORD } from "@primestore/core/seed";
import { describe, expect, it } from "vitest";
import { STORE_HEADER } from "./context.ts";
import { errorData } from "./errors.ts";
import { callerFor, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();

const storefront = (host: string) => callerFor(seeded.deps, "storefront", { host }).then((c) => c.caller);
const aurora = () => storefront("aurora.localhost");
const summit = () => storefront("summit.localhost");
const brl = { currency: "BRL", locale: "pt-BR" };

describe("catalog.listing", () => {
  it("answers a filtered, sorted page with facets of its scope", async () => {
    const page = await (await aurora()).catalog.listing({ ...brl, category: "roupas", options: { Tamanho: ["G"] }, sort: "price_desc" });
    expect(page.items.map((item) => item.slug)).toEqual(["jaqueta-jeans", "camiseta-algodao-organico"]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, morePages: false });
    expect(page.facets.map((facet) => facet.name)).toEqual(["Cor", "Tamanho"]);
  });

  it("rejects filters it can't apply with field errors", async () => {
    const caller = await aurora();
    const error = await rejection(caller.catalog.listing({ ...brl, page: 0, sort: "cheapest" as "newest" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(errorData(error)).toMatchObject({ appCode: "VALIDATION", fieldErrors: { page: expect.any(Array), sort: expect.any(Array) } });
    const range = await rejection(caller.catalog.listing({ ...brl, priceMin: 500, priceMax: 100 }));
    expect(errorData(range).fieldErrors).toEqual({ priceMax: ["The minimum price can't be above the maximum"] });
    expect(errorData(await rejection(caller.catalog.listing({ ...brl, page: 51 }))).fieldErrors).toHaveProperty("page");
  });

  it("finds nothing of another store: its category and collection slugs are unknown here", async () => {
    const caller = await summit();
    expect(errorData(await rejection(caller.catalog.listing({ currency: "USD", locale: "en", category: "roupas" }))).appCode).toBe("NOT_FOUND");
    expect(errorData(await rejection(caller.catalog.listing({ currency: "USD", locale: "en", collection: "novidades" }))).appCode).toBe("NOT_FOUND");
    const all = await caller.catalog.listing({ currency: "USD", locale: "en" });
    expect(all.items.map((item) => item.slug).sort()).toEqual(["merino-beanie", "trail-backpack-28l"]);
  });
});

describe("catalog.category and catalog.categories", () => {
  it("names a category, its breadcrumb and children in the shopper's language", async () => {
    const caller = await aurora();
    expect(await caller.catalog.category({ slug: "camisetas", locale: "en" })).toEqual({
      category: { slug: "camisetas", name: "T-shirts" },
      breadcrumb: [{ slug: "roupas", name: "Clothing" }],
      children: [],
    });
    expect((await caller.catalog.categories({ locale: "pt-BR" })).map((category) => category.name)).toEqual(["Roupas", "Acessórios"]);
  });

  it("rejects a malformed slug and finds no other store's category", async () => {
    expect(errorData(await rejection((await aurora()).catalog.category({ slug: "Not A Slug", locale: "en" }))).fieldErrors).toHaveProperty("slug");
    expect(errorData(await rejection((await summit()).catalog.category({ slug: "roupas", locale: "en" }))).appCode).toBe("NOT_FOUND");
  });
});

describe("catalog.collection and catalog.featuredCollections", () => {
  it("gives the home page's shelves and a collection's name, translated with fallback", async () => {
    const caller = await aurora();
    const shelves = await caller.catalog.featuredCollections({ currency: "USD", locale: "es", perCollection: 1 });
    expect(shelves.map((shelf) => [shelf.name, shelf.products.map((product) => product.slug)])).toEqual([
      ["Novedades", ["jaqueta-jeans"]],
      ["Verão", ["vestido-linho-aurora"]],
    ]);
    expect(await caller.catalog.collection({ slug: "novidades", locale: "en" })).toEqual({ slug: "novidades", name: "New in" });
  });

  it("rejects bad input and finds no other store's collection", async () => {
    expect(errorData(await rejection((await aurora()).catalog.featuredCollections({ ...brl, perCollection: 0 }))).fieldErrors).toHaveProperty("perCollection");
    expect(errorData(await rejection((await summit()).catalog.collection({ slug: "novidades", locale: "en" }))).appCode).toBe("NOT_FOUND");
    expect((await (await summit()).catalog.featuredCollections({ currency: "USD", locale: "en" })).map((shelf) => shelf.slug)).toEqual(["trail-essentials"]);
  });
});

describe("catalog.get", () => {
  it("has what the option pickers need", async () => {
    const product = await (await aurora()).catalog.get({ slug: "jaqueta-jeans", ...brl });
    expect(product.options.map((option) => option.name)).toEqual(["Cor", "Tamanho"]);
    expect(product.variants).toHaveLength(6);
  });

  it("finds nothing by another store's product slug", async () => {
    expect(errorData(await rejection((await summit()).catalog.get({ slug: "jaqueta-jeans", currency: "USD", locale: "en" }))).appCode).toBe("NOT_FOUND");
  });
});

describe("cached catalog reads", () => {
  it("show a seller's new product at once, and nothing is written by a rejected one", async () => {
    const shopper = await aurora();
    const before = await shopper.catalog.listing({ ...brl, sort: "newest" });
    const facetsBefore = before.facets;
    const { caller: seller } = await callerFor(seeded.deps, "portal", { [STORE_HEADER]: "aurora", cookie: await sellerCookie() });
    const input = createProductInput.parse({ title: "Lenço de seda", slug: "lenco-de-seda", sku: "LENCO-SEDA", prices: { BRL: 5900 }, stock: 2 });
    await rejection(seller.catalog.create({ ...input, prices: { BRL: 5900, JPY: 100 } }));
    expect((await shopper.catalog.listing({ ...brl, sort: "newest" })).items).toEqual(before.items);

    await seller.catalog.create(input);
    const after = await shopper.catalog.listing({ ...brl, sort: "newest" });
    expect(after.items[0]).toMatchObject({ slug: "lenco-de-seda", priceFrom: 5900, inStock: true });
    expect(after.facets).toEqual(facetsBefore);
    expect((await shopper.catalog.listing({ ...brl, priceMax: 6000 })).items.map((item) => item.slug)).toContain("lenco-de-seda");
  });
});

async function sellerCookie(): Promise<string> {
  const { caller, resHeaders } = await callerFor(seeded.deps, "portal", {});
  await caller.auth.signIn({ email: "ana@aurora.example", password: DEMO_PASSWORD });
  return (resHeaders.get("set-cookie") ?? "").split(";")[0]!;
}

import { withTenant } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../seed/index.ts";
import { getCategoryPage, topCategories } from "./categories.ts";
import { featuredCollections, getCollection } from "./collections.ts";
import { listCatalog, listingFacets } from "./listing.ts";
import { getProductPage } from "./products.ts";
import { listingInput } from "./schemas.ts";

let database: TestDatabase;
let aurora = "";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  aurora = (await database.admin.tenant.findUniqueOrThrow({ where: { slug: "aurora" } })).id;
});
afterAll(() => database?.drop());

const inAurora = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.app, aurora, fn);
const list = (input: Record<string, unknown>) => inAurora((tx) => listCatalog(tx, listingInput.parse({ currency: "BRL", locale: "pt-BR", ...input })));
const slugs = async (input: Record<string, unknown>) => (await list(input)).items.map((item) => item.slug);

describe("catalog listings", () => {
  it("lists every product sold in the currency, what can be bought first, newest first", async () => {
    const page = await list({});
    expect(page.items.map((item) => item.slug)).toEqual(["jaqueta-jeans", "bolsa-de-palha", "vestido-linho-aurora", "camiseta-algodao-organico"]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, morePages: false });
    expect(page.items[0]).toMatchObject({ title: "Jaqueta jeans", priceFrom: 31990, currency: "BRL", inStock: true, imageUrl: expect.stringMatching(/^data:/) });
  });

  it("puts products that can't be bought after the rest", async () => {
    const jacket = { tenantId: aurora, variant: { product: { slug: "jaqueta-jeans" } } };
    const levels = await database.admin.inventoryLevel.findMany({ where: jacket });
    await database.admin.inventoryLevel.updateMany({ where: jacket, data: { onHand: 0 } });
    try {
      expect((await slugs({})).at(-1)).toBe("jaqueta-jeans");
      expect(await slugs({ inStock: true })).not.toContain("jaqueta-jeans");
      expect((await list({ sort: "newest" })).items.map((item) => [item.slug, item.inStock])[0]).toEqual(["jaqueta-jeans", false]);
    } finally {
      for (const { tenantId, variantId, locationId, onHand } of levels) {
        await database.admin.inventoryLevel.update({ where: { tenantId_variantId_locationId: { tenantId, variantId, locationId } }, data: { onHand } });
      }
    }
    expect((await slugs({ inStock: true }))[0]).toBe("jaqueta-jeans");
  });

  it("sorts by price both ways, in the shopper's currency", async () => {
    expect(await slugs({ sort: "price_asc" })).toEqual(["camiseta-algodao-organico", "bolsa-de-palha", "vestido-linho-aurora", "jaqueta-jeans"]);
    expect(await slugs({ sort: "price_desc" })).toEqual(["jaqueta-jeans", "vestido-linho-aurora", "bolsa-de-palha", "camiseta-algodao-organico"]);
    const usd = await list({ currency: "USD", sort: "price_asc", locale: "en" });
    expect(usd.items.map((item) => [item.title, item.priceFrom, item.currency])[0]).toEqual(["Organic cotton T-shirt", 1890, "USD"]);
  });

  it("filters by a price range in minor units of the shopper's currency", async () => {
    expect(await slugs({ priceMin: 10000, priceMax: 26000, sort: "price_asc" })).toEqual(["bolsa-de-palha", "vestido-linho-aurora"]);
    expect(await slugs({ currency: "USD", priceMax: 2990, sort: "price_asc" })).toEqual(["camiseta-algodao-organico", "bolsa-de-palha"]);
    expect(await slugs({ currency: "EUR" })).toEqual([]);
  });

  it("filters by option values: any value of an option, every option named", async () => {
    expect(await slugs({ options: { Tamanho: ["G"] }, sort: "price_asc" })).toEqual(["camiseta-algodao-organico", "jaqueta-jeans"]);
    expect(await slugs({ options: { Cor: ["Preta", "Verde"], Tamanho: ["G"] } })).toEqual(["jaqueta-jeans"]);
    expect(await slugs({ options: { Cor: ["Verde"] } })).toEqual([]);
  });

  it("lists a category with its descendants, and combines filters with it", async () => {
    expect(await slugs({ category: "roupas", sort: "price_asc" })).toEqual(["camiseta-algodao-organico", "vestido-linho-aurora", "jaqueta-jeans"]);
    expect(await slugs({ category: "camisetas" })).toEqual(["camiseta-algodao-organico"]);
    expect(await slugs({ category: "roupas", options: { Tamanho: ["P"] }, priceMax: 30000, sort: "price_asc" })).toEqual([
      "camiseta-algodao-organico",
      "vestido-linho-aurora",
    ]);
  });

  it("lists a collection in its curated order", async () => {
    expect(await slugs({ collection: "novidades" })).toEqual(["jaqueta-jeans", "camiseta-algodao-organico", "vestido-linho-aurora"]);
    expect(await slugs({ collection: "novidades", sort: "price_desc" })).toEqual(["jaqueta-jeans", "vestido-linho-aurora", "camiseta-algodao-organico"]);
  });

  it("pages with a count of linkable pages, and an empty page past the end", async () => {
    const first = await list({ limit: 3, sort: "price_asc" });
    const second = await list({ limit: 3, sort: "price_asc", page: 2 });
    expect([first.pageCount, second.pageCount]).toEqual([2, 2]);
    expect([...first.items, ...second.items].map((item) => item.slug)).toEqual(await slugs({ sort: "price_asc" }));
    expect((await list({ limit: 3, page: 3 })).items).toEqual([]);
    // Counted only a few pages ahead: one product a page gives five pages known and more beyond.
    expect(await list({ limit: 1 })).toMatchObject({ pageCount: 4, morePages: false });
  });

  it("names an unknown category or collection as not found", async () => {
    await expect(list({ category: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list({ collection: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts option values within the scope", async () => {
    const facets = await inAurora((tx) => listingFacets(tx, { currency: "BRL", category: "roupas" }));
    expect(facets).toEqual([
      { name: "Cor", values: [{ value: "Azul", count: 1 }, { value: "Preta", count: 1 }] },
      { name: "Tamanho", values: [{ value: "G", count: 2 }, { value: "M", count: 3 }, { value: "P", count: 3 }] },
    ]);
  });
});

describe("categories and collections", () => {
  it("gives a category's breadcrumb and children in the shopper's language, falling back to the default", async () => {
    expect(await inAurora((tx) => getCategoryPage(tx, "camisetas", "es"))).toEqual({
      category: { slug: "camisetas", name: "Camisetas" },
      breadcrumb: [{ slug: "roupas", name: "Ropa" }],
      children: [],
    });
    expect((await inAurora((tx) => getCategoryPage(tx, "roupas", "en"))).children).toEqual([
      { slug: "camisetas", name: "T-shirts" },
      { slug: "vestidos", name: "Dresses" },
    ]);
    expect(await inAurora((tx) => topCategories(tx, "en"))).toEqual([
      { slug: "roupas", name: "Clothing" },
      { slug: "acessorios", name: "Accessories" },
    ]);
  });

  it("gives featured collections with their first products in curated order", async () => {
    const shelves = await inAurora((tx) => featuredCollections(tx, "USD", "en", 2));
    expect(shelves.map((shelf) => [shelf.name, shelf.products.map((product) => product.title)])).toEqual([
      ["New in", ["Denim jacket", "Organic cotton T-shirt"]],
      ["Summer", ["Aurora linen dress", "Bolsa de palha artesanal"]],
    ]);
    expect(await inAurora((tx) => getCollection(tx, "verao", "es"))).toEqual({ slug: "verao", name: "Verão" });
  });
});

describe("product page data", () => {
  it("has options in the seller's order and each variant's price and stock in one read", async () => {
    const product = await getProductPage(database.app, aurora, "jaqueta-jeans", "USD", "en");
    expect(product).toMatchObject({ title: "Denim jacket", priceFrom: 6490, currency: "USD", inStock: true });
    expect(product.options).toEqual([
      { name: "Cor", values: ["Azul", "Preta"] },
      { name: "Tamanho", values: ["P", "M", "G"] },
    ]);
    expect(product.images).toHaveLength(2);
    expect(product.variants.find((variant) => variant.title === "Preta / G")).toMatchObject({ options: { Cor: "Preta", Tamanho: "G" }, available: 0, price: 6490 });
  });
});

import { withTenant, type Tx } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../seed/index.ts";
import { createProduct } from "./products.ts";
import { createProductInput, searchProductsInput, suggestProductsInput } from "./schemas.ts";
import { searchProducts, suggestProducts } from "./search.ts";

let database: TestDatabase;
const stores: Record<"aurora" | "summit" | "sol", string> = { aurora: "", summit: "", sol: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  for (const tenant of await database.admin.tenant.findMany()) stores[tenant.slug as keyof typeof stores] = tenant.id;
});
afterAll(() => database?.drop());

type Store = keyof typeof stores;

function search(store: Store, input: Record<string, unknown>) {
  const currency = { aurora: "BRL", summit: "USD", sol: "EUR" }[store];
  return withTenant(database.app, stores[store], (tx) => searchProducts(tx, searchProductsInput.parse({ currency, ...input })));
}

async function searchSlugs(store: Store, q: string, locale: string) {
  return (await search(store, { q, locale })).items.map((item) => item.slug);
}

async function suggestSlugs(store: Store, q: string, locale: string) {
  const suggestions = await withTenant(database.app, stores[store], (tx) => suggestProducts(tx, suggestProductsInput.parse({ q, locale })));
  return suggestions.map((suggestion) => suggestion.slug);
}

describe("searching a store in its default language (Portuguese)", () => {
  it("stems: a plural finds the singular", async () => {
    expect(await searchSlugs("aurora", "camisetas", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await searchSlugs("aurora", "vestidos de linho", "pt-BR")).toEqual(["vestido-linho-aurora"]);
  });

  it("ignores accents and case on both sides", async () => {
    expect(await searchSlugs("aurora", "algodao", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await searchSlugs("aurora", "ORGÂNICA", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await searchSlugs("aurora", "ceara", "pt-BR")).toEqual(["bolsa-de-palha"]);
  });

  it("tolerates typos", async () => {
    expect(await searchSlugs("aurora", "camizeta", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await searchSlugs("aurora", "camizetas", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await searchSlugs("aurora", "vestdo", "pt-BR")).toEqual(["vestido-linho-aurora"]);
  });

  it("returns the catalog's summaries: localized title, price in the currency, stock", async () => {
    const { items, nextCursor } = await search("aurora", { q: "camiseta", locale: "pt-BR" });
    expect(items).toEqual([
      expect.objectContaining({ slug: "camiseta-algodao-organico", title: "Camiseta de algodão orgânico", priceFrom: 8990, currency: "BRL", inStock: true }),
    ]);
    expect(nextCursor).toBeNull();
  });

  it("finds nothing for words no product has", async () => {
    expect(await searchSlugs("aurora", "geladeira", "pt-BR")).toEqual([]);
  });
});

describe("searching in the store's other languages", () => {
  it("finds English and Spanish translations in their locale, with their own stemming", async () => {
    expect(await searchSlugs("aurora", "cotton shirts", "en")).toEqual(["camiseta-algodao-organico"]);
    expect((await search("aurora", { q: "cotton shirts", locale: "en" })).items[0]?.title).toBe("Organic cotton T-shirt");
    expect(await searchSlugs("aurora", "algodón orgánico", "es")).toEqual(["camiseta-algodao-organico"]);
    expect(await searchSlugs("summit", "mochilas", "es")).toEqual(["trail-backpack-28l"]);
    expect(await searchSlugs("sol", "ceramica", "es")).toEqual(["cuenco-ceramica"]);
    expect(await searchSlugs("sol", "bowls", "en")).toEqual(["cuenco-ceramica"]);
  });

  it("finds an untranslated product by the default-locale text shoppers see", async () => {
    expect(await searchSlugs("aurora", "bolsa palha", "en")).toEqual(["bolsa-de-palha"]);
  });

  it("searches a language the store doesn't offer in its default one", async () => {
    expect(await searchSlugs("aurora", "camisetas", "fr")).toEqual(["camiseta-algodao-organico"]);
  });
});

describe("ranking and pages", () => {
  beforeAll(async () => {
    await withTenant(database.app, stores.aurora, async (tx) => {
      const product = (input: Record<string, unknown>) =>
        createProduct(tx, stores.aurora, createProductInput.parse({ prices: { BRL: 1000 }, stock: 1, ...input }), ["BRL", "USD"]);
      await product({ title: "Lenço estampado", slug: "lenco-estampado", sku: "LENCO-1", description: "<p>Seda com toque de algodão.</p>" });
      await product({ title: "Chapéu palheta", slug: "chapeu-palheta", sku: "CHAPEU-1" });
    });
  });

  it("puts title matches before description matches", async () => {
    expect(await searchSlugs("aurora", "algodão", "pt-BR")).toEqual(["camiseta-algodao-organico", "lenco-estampado"]);
  });

  it("puts full-text matches before titles that are only close", async () => {
    expect(await searchSlugs("aurora", "palha", "pt-BR")).toEqual(["bolsa-de-palha", "chapeu-palheta"]);
  });

  it("pages by offset until the results run out", async () => {
    const first = await search("aurora", { q: "palha", locale: "pt-BR", limit: 1 });
    expect(first.items.map((item) => item.slug)).toEqual(["bolsa-de-palha"]);
    expect(first.nextCursor).toBe(1);
    const second = await search("aurora", { q: "palha", locale: "pt-BR", limit: 1, cursor: first.nextCursor });
    expect(second.items.map((item) => item.slug)).toEqual(["chapeu-palheta"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("keeping up with the catalog", () => {
  it("follows new products, title changes, status and translations", async () => {
    const edit = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(database.app, stores.aurora, fn);
    await edit((tx) => tx.product.update({ where: { tenantId_slug: { tenantId: stores.aurora, slug: "bolsa-de-palha" } }, data: { title: "Cesta de vime" } }));
    expect(await searchSlugs("aurora", "cesta", "pt-BR")).toEqual(["bolsa-de-palha"]);

    await edit((tx) => tx.product.update({ where: { tenantId_slug: { tenantId: stores.aurora, slug: "bolsa-de-palha" } }, data: { status: "draft" } }));
    expect(await searchSlugs("aurora", "cesta", "pt-BR")).toEqual([]);
    expect(await suggestSlugs("aurora", "cesta", "pt-BR")).toEqual([]);

    await edit((tx) => tx.product.update({ where: { tenantId_slug: { tenantId: stores.aurora, slug: "bolsa-de-palha" } }, data: { status: "active", title: "Bolsa de palha artesanal" } }));
    expect(await searchSlugs("aurora", "cesta", "pt-BR")).toEqual([]);
    expect(await searchSlugs("aurora", "bolsa", "pt-BR")).toEqual(["bolsa-de-palha"]);

    const dress = await edit((tx) => tx.product.findFirstOrThrow({ where: { slug: "vestido-linho-aurora" } }));
    await edit((tx) => tx.productTranslation.create({ data: { tenantId: stores.aurora, productId: dress.id, locale: "es", title: "Traje ligero Aurora" } }));
    expect(await searchSlugs("aurora", "trajes", "es")).toEqual(["vestido-linho-aurora"]);
    await edit((tx) => tx.productTranslation.delete({ where: { tenantId_productId_locale: { tenantId: stores.aurora, productId: dress.id, locale: "es" } } }));
    expect(await searchSlugs("aurora", "trajes", "es")).toEqual([]);
    expect(await searchSlugs("aurora", "linho", "es")).toEqual(["vestido-linho-aurora"]);
  });

  it("follows a store's languages", async () => {
    await database.admin.tenant.update({ where: { slug: "summit" }, data: { locales: ["en"] } });
    // Spanish is no longer offered: the store's default language (English) is searched instead.
    expect(await searchSlugs("summit", "mochila", "es")).toEqual([]);
    expect(await searchSlugs("summit", "backpack", "es")).toEqual(["trail-backpack-28l"]);
    await database.admin.tenant.update({ where: { slug: "summit" }, data: { locales: ["en", "es"] } });
    expect(await searchSlugs("summit", "mochila", "es")).toEqual(["trail-backpack-28l"]);
  });
});

describe("suggestions as you type", () => {
  it("completes the start of a title, a word further in, and a misspelling", async () => {
    expect(await suggestSlugs("aurora", "ves", "pt-BR")).toEqual(["vestido-linho-aurora"]);
    expect(await suggestSlugs("aurora", "camiseta de alg", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await suggestSlugs("aurora", "algod", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await suggestSlugs("aurora", "camizeta", "pt-BR")).toEqual(["camiseta-algodao-organico"]);
    expect(await suggestSlugs("aurora", "org", "en")).toEqual(["camiseta-algodao-organico"]);
  });

  it("gives the title in the shopper's language", async () => {
    const [suggestion] = await withTenant(database.app, stores.aurora, (tx) => suggestProducts(tx, suggestProductsInput.parse({ q: "org", locale: "en" })));
    expect(suggestion).toMatchObject({ slug: "camiseta-algodao-organico", title: "Organic cotton T-shirt" });
  });

  it("takes LIKE wildcards literally", async () => {
    // As a pattern, "c_m" would be the start of "camiseta"; as trigrams it is too far from any title.
    expect(await suggestSlugs("aurora", "c_m", "pt-BR")).toEqual([]);
  });
});

describe("tenant isolation", () => {
  it("never returns another store's products", async () => {
    expect(await searchSlugs("summit", "camiseta", "pt-BR")).toEqual([]);
    expect(await searchSlugs("summit", "camizeta", "en")).toEqual([]);
    expect(await suggestSlugs("summit", "cam", "en")).toEqual([]);
    expect(await searchSlugs("aurora", "merino", "en")).toEqual([]);
    expect(await suggestSlugs("aurora", "mer", "en")).toEqual([]);
  });

  it("returns nothing without a store in scope", async () => {
    expect(await database.app.$queryRaw`SELECT * FROM primestore_search_products('camiseta', 'pt-BR', 10, 0)`).toEqual([]);
    expect(await database.app.$queryRaw`SELECT * FROM primestore_suggest_products('cam', 'pt-BR', 10)`).toEqual([]);
  });
});

describe("bad queries", () => {
  const base = { currency: "BRL", locale: "pt-BR" };
  const messages = (q: unknown) => {
    const result = searchProductsInput.safeParse({ ...base, q });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("rejects empty, too short, too long and letterless text with a clear message", () => {
    expect(messages("")).toEqual(["q: Type at least 2 characters"]);
    expect(messages("   ")).toEqual(["q: Type at least 2 characters"]);
    expect(messages("a")).toEqual(["q: Type at least 2 characters"]);
    expect(messages("x".repeat(101))).toEqual(["q: Use at most 100 characters"]);
    expect(messages("%%%")).toEqual(["q: Include at least one letter or digit"]);
    expect(messages("ca\u0000misa")).toEqual(["q: Control characters are not allowed"]);
    expect(messages(42)).toHaveLength(1);
    expect(suggestProductsInput.safeParse({ locale: "pt-BR", q: "!?" }).success).toBe(false);
  });

  it("collapses whitespace before searching", () => {
    expect(searchProductsInput.parse({ ...base, q: "  camiseta \n  azul " }).q).toBe("camiseta azul");
  });

  it("searches text full of query syntax without failing", async () => {
    for (const q of [`camiseta & | ! ( ) :* "`, `'; DROP TABLE products; --`, "-camiseta OR vestido", "de a o"]) {
      await expect(search("aurora", { q, locale: "pt-BR" })).resolves.toMatchObject({ items: expect.any(Array) });
      await expect(suggestSlugs("aurora", q, "pt-BR")).resolves.toEqual(expect.any(Array));
    }
    expect(await database.admin.product.count()).toBeGreaterThan(0);
  });
});

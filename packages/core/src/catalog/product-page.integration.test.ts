import { createDbClient, withTenant } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../seed/index.ts";
import { getProductPage } from "./products.ts";

let database: TestDatabase;
let aurora = "";
let summit = "";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  const tenants = await database.admin.tenant.findMany({ where: { slug: { in: ["aurora", "summit"] } } });
  aurora = tenants.find((tenant) => tenant.slug === "aurora")!.id;
  summit = tenants.find((tenant) => tenant.slug === "summit")!.id;
});
afterAll(() => database?.drop());

describe("the product page read (one statement that scopes itself)", () => {
  it("reads the store's product in the shopper's language and currency, with the default-language fallback", async () => {
    const page = await getProductPage(database.app, aurora, "camiseta-algodao-organico", "USD", "en");
    expect(page).toMatchObject({ slug: "camiseta-algodao-organico", title: "Organic cotton T-shirt", currency: "USD", priceFrom: 1890, inStock: true });
    expect(page.variants.map((variant) => variant.price)).toEqual(page.variants.map(() => 1890));
    const untranslated = await getProductPage(database.app, aurora, "bolsa-de-palha", "BRL", "es");
    expect(untranslated.title).toBe("Bolsa de palha artesanal");
  });

  it("serves a translated description sanitised, whoever wrote it", async () => {
    const product = await database.admin.product.findFirstOrThrow({ where: { tenantId: aurora, slug: "vestido-linho-aurora" } });
    await database.admin.productTranslation.update({
      where: { tenantId_productId_locale: { tenantId: aurora, productId: product.id, locale: "en" } },
      data: { description: '<p onclick="steal()">Light linen<script>steal()</script></p>' },
    });
    const page = await getProductPage(database.app, aurora, "vestido-linho-aurora", "BRL", "en");
    expect(page.description).toBe("<p>Light linen</p>");
  });

  it("finds nothing of another store, and leaves no scope on the pooled connection", async () => {
    await expect(getProductPage(database.app, summit, "camiseta-algodao-organico", "BRL", "pt-BR")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // One connection, so the next statement runs where the function just ran: it sees no scope.
    const oneConnection = createDbClient(database.appUrl, { poolSize: 1 });
    try {
      await getProductPage(oneConnection, aurora, "camiseta-algodao-organico", "BRL", "pt-BR");
      const after = await oneConnection.$queryRaw<Array<{ scope: string | null; products: bigint }>>`
        SELECT nullif(current_setting('app.tenant_id', true), '') AS scope, (SELECT count(*) FROM products) AS products`;
      expect(after).toEqual([{ scope: null, products: 0n }]);
    } finally {
      await oneConnection.$disconnect();
    }
  });

  it("refuses to re-scope a transaction that belongs to another store", async () => {
    await expect(withTenant(database.app, summit, (tx) => getProductPage(tx, aurora, "camiseta-algodao-organico", "BRL", "pt-BR"))).rejects.toThrow(
      /scoped to another store/,
    );
    const inOwnScope = await withTenant(database.app, aurora, (tx) => getProductPage(tx, aurora, "camiseta-algodao-organico", "BRL", "pt-BR"));
    expect(inOwnScope.slug).toBe("camiseta-algodao-organico");
  });
});

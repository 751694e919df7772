import { describe, expect, it } from "vitest";
import { layoutShifts, recordLayoutShifts, storefrontStarted } from "../page-start.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

const newPage = (options: { javaScriptEnabled?: boolean } = {}) => session.newPage({ locale: "pt-BR", ...options });
const titles = (page: Awaited<ReturnType<typeof newPage>>) => page.locator(".product-grid .product-card h3").allInnerTexts();

describe.runIf(run)("catalog browsing", () => {
  it("filters a listing with a GET form, cacheable by a CDN", async () => {
    const page = await newPage();
    const response = await page.goto(session.platform.storeUrl("aurora", "/products"));
    expect(response?.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
    await page.getByRole("group", { name: "Tamanho" }).getByLabel("G (2)").check();
    await page.getByLabel("Até").fill("300");
    await Promise.all([page.waitForURL(/f\.Tamanho=G/), page.getByRole("button", { name: "Aplicar filtros" }).click()]);
    expect(new URL(page.url()).searchParams.get("max")).toBe("300");
    expect(await titles(page)).toEqual(["Camiseta de algodão orgânico"]);
  });

  it("lists a category with its subcategories' products, and links the subcategories", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(session.platform.storeUrl("aurora", "/en/categories/roupas?sort=price_asc"));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Clothing");
    expect(await page.getByRole("navigation", { name: "Subcategories" }).getByRole("link").allInnerTexts()).toEqual(["T-shirts", "Dresses"]);
    expect(await titles(page)).toEqual(["Organic cotton T-shirt", "Aurora linen dress", "Denim jacket"]);
  });

  it("resolves the variant as options are picked, without a round trip, and marks what can't be bought", async () => {
    const page = await newPage();
    await page.goto(session.platform.storeUrl("aurora", "/products/jaqueta-jeans"));
    // Once the page has started, choices apply as they are made.
    await storefrontStarted(page);
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.getByRole("group", { name: "Cor" }).getByLabel("Preta").check();
    await page.getByRole("group", { name: "Tamanho" }).getByLabel("G (indisponível)").check();
    await page.getByText("Esgotado", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Adicionar ao carrinho" }).count()).toBe(0);

    await page.getByRole("group", { name: "Tamanho" }).getByLabel("M").check();
    await page.getByText("SKU: JAQUETA-JEANS-PRETA-M").waitFor();
    expect(new URL(page.url()).search).toBe("?Cor=Preta&Tamanho=M");
    // The page's own data (document or loader) was not fetched again.
    expect(requests.filter((url) => url.startsWith("http") && new URL(url).pathname.startsWith("/products/"))).toEqual([]);
    const variantId = await page.locator(".buy-form input[name=variant]").inputValue();
    const variant = await session.platform.database.admin.variant.findUniqueOrThrow({ where: { id: variantId } });
    expect(variant.sku).toBe("JAQUETA-JEANS-PRETA-M");
  });

  it("doesn't move the buy button under the shopper's finger while the page starts", async () => {
    const page = await newPage();
    await recordLayoutShifts(page);
    for (const product of ["/products/jaqueta-jeans", "/products/vestido-linho-aurora"]) {
      await page.goto(session.platform.storeUrl("aurora", product));
      await storefrontStarted(page);
      expect(await layoutShifts(page)).toEqual([]);
    }
  });

  it("resolves the variant from the query string without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(session.platform.storeUrl("aurora", "/products/jaqueta-jeans"));
    await page.getByRole("group", { name: "Cor" }).getByLabel("Preta").check();
    await Promise.all([page.waitForURL(/Cor=Preta/), page.getByRole("button", { name: "Ver esta opção" }).click()]);
    expect(await page.getByText("SKU: JAQUETA-JEANS-PRETA-P").isVisible()).toBe(true);
    expect(await page.getByRole("group", { name: "Cor" }).getByLabel("Preta").isChecked()).toBe(true);
  });
});

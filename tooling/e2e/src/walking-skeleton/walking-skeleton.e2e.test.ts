import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../browser.ts";
import { fillCheckout, paulistaAddress } from "../checkout-form.ts";
import { mailContaining } from "../mail.ts";
import { signInToPortal } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

const newPage = (locale: string) => session.newPage({ locale });

const signIn = (page: Page, email: string) => signInToPortal(page, session.platform.portalUrl, email);

describe.runIf(run)("a guest on the pt-BR store", () => {
  it("buys a product through the minimal checkout and gets the confirmation email once", async () => {
    const page = await newPage("pt-BR");
    await page.goto(session.platform.storeUrl("aurora"));
    expect(await page.locator("html").getAttribute("lang")).toBe("pt-BR");
    expect(await page.getByRole("heading", { name: "Produtos" }).isVisible()).toBe(true);
    await screenshot(page, "storefront-home-pt-BR");

    // Featured on a shelf and in the product list: either link leads to the product.
    await page.getByRole("link", { name: "Camiseta de algodão orgânico" }).first().click();
    await page.waitForURL(/\/products\/camiseta-algodao-organico/);
    expect(await page.getByText("R$ 89,90").first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Comprar agora" }).click();
    await page.waitForURL(/\/checkout/);

    await fillCheckout(page, { email: "guest@example.com", name: "Gabriela Guest", ...paulistaAddress });
    await page.getByLabel("Cartão de crédito").check();
    await page.getByRole("button", { name: "Fazer pedido" }).click();
    await page.getByRole("heading", { name: "Pedido confirmado!" }).waitFor();
    const numberText = (await page.locator(".order-number").textContent()) ?? "";
    const number = /\d+/.exec(numberText)?.[0];
    expect(number).toBeTruthy();
    await screenshot(page, "storefront-order-confirmed");

    const mail = await mailContaining(session.platform.mailDir, `pedido nº ${number}`);
    expect(mail).toContain("To: guest@example.com");
    const orderId = (await session.platform.database.admin.order.findFirstOrThrow({ where: { email: "guest@example.com" } })).id;
    expect(await session.platform.database.admin.notification.count({ where: { dedupeKey: `order.placed:${orderId}` } })).toBe(1);
  });

  it("gets a translated 404 page for an unknown store", async () => {
    const page = await newPage("en");
    const response = await page.goto(session.platform.storeUrl("nowhere"));
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { name: "Store not found" }).isVisible()).toBe(true);
  });
});

describe.runIf(run)("a seller in the portal", () => {
  it("signs in, creates a product for their store and it appears on the storefront", async () => {
    const page = await newPage("pt-BR");
    await signIn(page, "ana@aurora.example");
    await page.getByRole("link", { name: "Aurora Moda" }).click();
    await page.waitForURL(/\/stores\/aurora\/products/);

    await page.fill("input[name=title]", "Chapéu de palha");
    await page.fill("input[name=slug]", "chapeu-de-palha");
    await page.fill("input[name=sku]", "CHAPEU-E2E");
    await page.fill("input[name=price]", "79,90");
    await page.fill("input[name=stock]", "4");
    await page.locator("main form button[type=submit]").last().click();
    await page.locator("table").getByText("Chapéu de palha").waitFor();
    await screenshot(page, "portal-products");

    const store = await newPageInSameContext();
    await store.goto(session.platform.storeUrl("aurora", "/products/chapeu-de-palha"));
    expect(await store.getByRole("heading", { name: "Chapéu de palha" }).isVisible()).toBe(true);
    expect(await store.getByText("R$ 79,90").first().isVisible()).toBe(true);
  });

  it("can't open another store's pages", async () => {
    const page = await newPage("en");
    await signIn(page, "ana@aurora.example");
    const response = await page.goto(`${session.platform.portalUrl}/stores/summit/products`);
    expect(response?.status()).toBe(403);
  });
});

describe.runIf(run)("platform staff", () => {
  it("sees every store in the staff console", async () => {
    const page = await newPage("es");
    await signIn(page, "staff@primestore.example");
    await page.goto(`${session.platform.portalUrl}/staff`);
    for (const name of ["Aurora Moda", "Summit Outdoor", "Sol Artesanía"]) {
      expect(await page.locator("table").getByText(name).isVisible()).toBe(true);
    }
    await screenshot(page, "staff-tenants-es");
  });
});

async function newPageInSameContext(): Promise<Page> {
  return session.context!.newPage();
}

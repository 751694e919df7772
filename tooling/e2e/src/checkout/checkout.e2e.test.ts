import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../browser.ts";
import { fillCheckout } from "../checkout-form.ts";
import { layoutShifts, recordLayoutShifts, storefrontStarted } from "../page-start.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

async function buyNow(page: Page, store: string, productPath: string, button: string): Promise<void> {
  await page.goto(session.platform.storeUrl(store, productPath));
  await Promise.all([page.waitForURL(/\/checkout/), page.getByRole("button", { name: button }).click()]);
}

const brazilianGuest = {
  email: "pix-guest@example.com",
  name: "Paula Pix",
  line1: "Rua Augusta",
  number: "500",
  city: "São Paulo",
  region: "SP",
  postalCode: "01305-000",
  country: "BR",
  taxId: "529.982.247-25",
};

describe.runIf(run)("a guest on the pt-BR store pays with PIX", () => {
  it("sees the QR code and copy-paste code, and the page notices the payment by itself", async () => {
    const page = await session.newPage({ locale: "pt-BR" });
    await buyNow(page, "aurora", "/products/vestido-linho-aurora", "Comprar agora");
    // The CEP fills the street, city and state (from the local fake ViaCEP); the shopper adds the rest.
    await fillCheckout(page, { email: brazilianGuest.email, name: brazilianGuest.name, postalCode: brazilianGuest.postalCode });
    await page.getByText("Endereço preenchido pelo CEP.").waitFor({ state: "attached" });
    expect(await page.inputValue("input[name=line1]")).toBe(brazilianGuest.line1);
    expect(await page.inputValue("input[name=city]")).toBe(brazilianGuest.city);
    expect(await page.inputValue("input[name=region]")).toBe(brazilianGuest.region);
    await fillCheckout(page, { number: brazilianGuest.number, taxId: brazilianGuest.taxId });
    // Under R$ 299 the economy rate costs R$ 19,90; express is R$ 14,90 for this 350 g dress.
    await page.getByRole("group", { name: "Opções de entrega" }).getByLabel("Expresso").check();
    expect(await page.getByLabel("PIX").isChecked()).toBe(true);
    // With JavaScript the page re-quotes by itself: the no-JavaScript update button isn't there
    // to take the Enter key from the place-order button.
    expect(await page.getByRole("button", { name: "Atualizar entrega e parcelas" }).count()).toBe(0);
    await screenshot(page, "checkout-pix-pt-BR");
    await page.locator("input[name=postalCode]").press("Enter");

    await page.getByRole("heading", { name: "Falta só o pagamento" }).waitFor();
    const statusUrl = page.url();
    expect(statusUrl).toMatch(/\/order\/[0-9a-f-]{36}\/[\w-]+$/);
    expect(await page.getByRole("img", { name: /QR code do PIX/ }).isVisible()).toBe(true);
    expect(await page.getByLabel("PIX copia e cola").inputValue()).toMatch(/^000201.*6304[0-9A-F]{4}$/);
    await page.getByText(/O código expira em \d+:\d{2}/).waitFor();
    await screenshot(page, "order-status-pix-pending");

    // The shopper's bank pays (here: the sandbox button, in another tab); the first tab polls and shows it.
    const bank = await session.context!.newPage();
    await bank.goto(statusUrl);
    await bank.getByRole("button", { name: "Simular pagamento (modo de teste)" }).click();
    await bank.getByRole("heading", { name: "Pedido confirmado!" }).waitFor();
    await page.getByRole("heading", { name: "Pedido confirmado!" }).waitFor({ timeout: 15_000 });
    expect(await page.getByText("Pagamento confirmado! Enviamos os detalhes para pix-guest@example.com.").isVisible()).toBe(true);
    await screenshot(page, "order-status-pix-paid");

    const order = await session.platform.database.admin.order.findFirstOrThrow({ where: { email: "pix-guest@example.com" }, include: { payments: true } });
    expect(order).toMatchObject({ status: "paid", shippingMethod: "Expresso", total: 25990n + 1490n });
    expect(order.payments[0]).toMatchObject({ method: "pix", status: "paid" });
  });

  it("keeps the form still while the page starts: the no-JavaScript update button never shows", async () => {
    // Tall enough to see the whole form: shifts are only counted where the shopper can see them.
    const page = await session.newPage({ locale: "pt-BR", viewport: { width: 1280, height: 2400 } });
    await recordLayoutShifts(page);
    const dress = await session.platform.database.admin.variant.findFirstOrThrow({ where: { product: { slug: "vestido-linho-aurora" } } });
    await page.goto(session.platform.storeUrl("aurora", `/checkout?product=vestido-linho-aurora&variant=${dress.id}&qty=1`));
    await storefrontStarted(page);
    await page.getByLabel("Econômico").waitFor();
    expect(await layoutShifts(page)).toEqual([]);
  });

  it("works without JavaScript: options update with a button, a boleto is shown, and test mode can expire it", async () => {
    const page = await session.newPage({ locale: "pt-BR", javaScriptEnabled: false });
    await buyNow(page, "aurora", "/products/camiseta-algodao-organico", "Comprar agora");
    await fillCheckout(page, { ...brazilianGuest, email: "boleto-guest@example.com", country: "PT" });
    await page.getByRole("button", { name: "Atualizar entrega e parcelas" }).click();
    await page.getByText("Ainda não entregamos neste destino.").waitFor();
    await page.fill("input[name=country]", "BR");
    await page.getByRole("button", { name: "Atualizar entrega e parcelas" }).click();
    await page.getByLabel("Econômico").waitFor();
    await page.getByLabel("Boleto bancário").check();
    await page.getByRole("button", { name: "Fazer pedido" }).click();

    await page.getByRole("heading", { name: "Pague o boleto" }).waitFor();
    expect(await page.getByLabel("Linha digitável").inputValue()).toMatch(/^\d{47}$/);
    await page.getByRole("button", { name: "Verificar pagamento" }).click();
    await page.getByRole("heading", { name: "Pague o boleto" }).waitFor();
    await page.getByRole("button", { name: "Simular expiração (modo de teste)" }).click();
    await page.getByRole("heading", { name: "Pedido cancelado" }).waitFor();
    await screenshot(page, "order-status-boleto-expired");
  });
});

describe.runIf(run)("a signed-in customer on the en store pays by card", () => {
  it("buys in 3 interest-free installments, with the account filling in the form, and finds the order in the account", async () => {
    const page = await session.newPage({ locale: "en" });
    await page.goto(session.platform.storeUrl("summit", "/account/sign-up"));
    await page.getByLabel("Name").fill("Casey Card");
    await page.getByLabel("Email").fill("card-customer@example.com");
    await page.getByLabel("Password").fill("casey's card password");
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole("button", { name: "Create account" }).click()]);

    await buyNow(page, "summit", "/products/trail-backpack-28l", "Buy now");
    expect(await page.inputValue("input[name=email]")).toBe("card-customer@example.com");
    expect(await page.inputValue("input[name=name]")).toBe("Casey Card");
    await fillCheckout(page, { line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" });
    expect(await page.getByLabel("Credit card").isChecked()).toBe(true);
    // $89.00 and $9.00 standard shipping: 3 × $32.67 (the first carries the odd cent).
    await page.getByLabel("Installments").selectOption("3");
    expect(await page.getByLabel("Installments").locator("option:checked").textContent()).toBe("3× $32.67 interest-free");
    await page.locator(".checkout-totals").getByText("$98.00").waitFor();
    await screenshot(page, "checkout-card-en");
    await page.getByRole("button", { name: "Place order" }).click();

    await page.getByRole("heading", { name: "Order confirmed!" }).waitFor();
    expect(await page.getByText("Paid by card in 3× $32.67.").isVisible()).toBe(true);
    await screenshot(page, "order-status-card-en");
    const order = await session.platform.database.admin.order.findFirstOrThrow({
      where: { email: "card-customer@example.com" },
      include: { payments: true, customer: true },
    });
    expect(order).toMatchObject({ status: "paid", total: 9800n, shippingMethod: "Standard" });
    expect(order.customer?.email).toBe("card-customer@example.com");
    expect(order.payments[0]).toMatchObject({ method: "card", installments: 3, interestAmount: 0n, status: "paid" });

    await page.goto(session.platform.storeUrl("summit", "/account"));
    await page.getByRole("link", { name: `Order #${order.number}` }).waitFor();
  });
});

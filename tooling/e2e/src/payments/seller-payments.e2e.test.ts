import { hashPassword } from "@primestore/core/auth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { fillCheckout, paulistaAddress } from "../checkout-form.ts";
import { brl, signInToPortal, textOf as text } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;
const admin = () => session.platform.database.admin;

const SHOPPER = "refund-shopper@example.com";
/** The order the shopper places first; the seller's tests work on it in turn. */
let orderNumber = 0;

const signIn = (page: Page, email: string, password?: string) => signInToPortal(page, session.platform.portalUrl, email, password);

/** A guest buys a T-shirt on the aurora storefront and pays by card (the test provider approves it). */
async function placePaidOrder(): Promise<number> {
  const context = await session.browser.newContext({ locale: "pt-BR" });
  try {
    const page = await context.newPage();
    await page.goto(session.platform.storeUrl("aurora", "/products/camiseta-algodao-organico"));
    await Promise.all([page.waitForURL(/\/checkout/), page.getByRole("button", { name: "Comprar agora" }).click()]);
    await fillCheckout(page, { email: SHOPPER, name: "Renata Reembolso", ...paulistaAddress });
    await page.getByLabel("Cartão de crédito").check();
    await page.getByRole("button", { name: "Fazer pedido" }).click();
    await page.getByRole("heading", { name: "Pedido confirmado!" }).waitFor();
  } finally {
    await context.close();
  }
  const order = await admin().order.findFirstOrThrow({ where: { email: SHOPPER }, include: { payments: true } });
  expect(order.payments[0]).toMatchObject({ method: "card", status: "paid", capturedAmount: order.total });
  return order.number;
}

async function shopperPayment() {
  const order = await admin().order.findFirstOrThrow({ where: { email: SHOPPER }, include: { payments: { include: { refunds: true } } } });
  return order.payments[0]!;
}

describe.runIf(run)("a seller handles the money of a paid order in the portal", () => {
  it("refunds part of the payment and sees it on the payment and the timeline", async () => {
    orderNumber = await placePaidOrder();
    const payment = await shopperPayment();

    const page = await session.newPage({ locale: "pt-BR" });
    await signIn(page, "ana@aurora.example");
    await Promise.all([page.waitForURL(/\/stores\/aurora\/products/), page.getByRole("link", { name: "Aurora Moda" }).click()]);
    const nav = page.getByRole("navigation", { name: "Seções da loja" });
    await Promise.all([page.waitForURL(/\/stores\/aurora\/orders$/), nav.getByRole("link", { name: "Pedidos" }).click()]);
    await Promise.all([page.waitForURL(new RegExp(`/stores/aurora/orders/${orderNumber}$`)), page.getByRole("link", { name: `#${orderNumber}` }).click()]);
    await page.getByRole("heading", { name: `Pedido nº ${orderNumber}` }).waitFor();
    await page.getByRole("heading", { name: "Pagamento 1: Cartão · Pago" }).waitFor();
    expect(await page.getByText("Camiseta de algodão orgânico").first().isVisible()).toBe(true);
    expect(await page.getByText(`Até ${brl(payment.capturedAmount)}.`, { exact: false }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-order-paid");

    const amount = page.getByLabel("Valor do reembolso (BRL)");
    const refund = page.getByRole("button", { name: "Reembolsar este valor" });
    // Not an amount: refused in the portal, nothing asked of the provider.
    await amount.fill("quinze");
    await refund.click();
    await page.getByText("Confira este campo.").waitFor();
    // More than was paid: the API refuses with a translated reason.
    await amount.fill("9999,00");
    await refund.click();
    await page.getByRole("alert").getByText("O reembolso é maior do que o que resta do pagamento.").waitFor();
    expect(await admin().refund.count({ where: { paymentId: payment.id } })).toBe(0);

    await amount.fill("15,00");
    await page.getByLabel("Motivo (opcional)").fill("Cliente devolveu um item");
    await refund.click();
    await page.getByRole("status").getByText("Reembolso de R$ 15,00 concluído.").waitFor();
    await page.getByRole("heading", { name: "Pagamento 1: Cartão · Reembolsado em parte" }).waitFor();
    await page.locator(".timeline").getByText("(reembolso de R$ 15,00)").waitFor();
    expect(await page.getByRole("cell", { name: "Cliente devolveu um item" }).isVisible()).toBe(true);
    // The form is empty again, with what is left to refund.
    expect(await amount.inputValue()).toBe("");
    expect(await page.getByText(`Até ${brl(payment.capturedAmount - 1500n)}.`, { exact: false }).isVisible()).toBe(true);
    await screenshot(page, "portal-order-partially-refunded");

    const refunded = await shopperPayment();
    expect(refunded).toMatchObject({ status: "partially_refunded", refundedAmount: 1500n });
    expect(refunded.refunds).toEqual([expect.objectContaining({ amount: 1500n, status: "succeeded", reason: "Cliente devolveu um item" })]);
  });

  it("sees the balance on hold, pays out what became available and reads the payout's statement", async () => {
    const payment = await shopperPayment();
    const refund = payment.refunds[0]!;
    // The sale is in the 7-day hold; the refund came off what is available at once.
    const pending = payment.capturedAmount - payment.commissionAmount;
    const available = -(refund.amount - refund.commissionReversed);

    const page = await session.newPage({ locale: "pt-BR" });
    await signIn(page, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/orders`);
    const nav = page.getByRole("navigation", { name: "Seções da loja" });
    await Promise.all([page.waitForURL(/\/stores\/aurora\/finance$/), nav.getByRole("link", { name: "Financeiro" }).click()]);
    await page.getByRole("heading", { name: "Financeiro" }).waitFor();
    expect(await page.getByText("Repasses: Semanal (às segundas-feiras).").isVisible()).toBe(true);
    expect(await page.getByRole("img", { name: /Saldo por moeda/ }).isVisible()).toBe(true);
    const row = "#balances-table tbody tr:has(th:text-is('BRL'))";
    expect(await text(page, `${row} td:nth-of-type(1)`)).toBe(brl(pending));
    expect(await text(page, `${row} td:nth-of-type(2)`)).toBe(brl(available));
    expect(await page.getByRole("button", { name: /^Repassar/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-finance-on-hold");

    // The hold period passes (here: the store's is shortened): the sale is available, less the refund.
    const store = await admin().tenant.update({ where: { slug: "aurora" }, data: { payoutHoldDays: 0 } });
    try {
      await page.reload();
      const payable = pending + available;
      expect(await text(page, `${row} td:nth-of-type(2)`)).toBe(brl(payable));
      await page.getByRole("button", { name: `Repassar ${brl(payable)} agora` }).click();
      await page.getByRole("status").getByText(`Repasse de ${brl(payable)} solicitado`, { exact: false }).waitFor();
      // The action's answer shows first; the balances follow once the page's data is reloaded.
      await page.getByRole("button", { name: /^Repassar/ }).waitFor({ state: "detached" });
      expect(await text(page, `${row} td:nth-of-type(2)`)).toBe(brl(0n));
      const payout = await admin().payout.findFirstOrThrow({ where: { tenantId: store.id } });
      expect(payout).toMatchObject({ amount: payable, currency: "BRL" });
      await screenshot(page, "portal-finance-payout-requested");

      await Promise.all([page.waitForURL(new RegExp(`/finance/payouts/${payout.id}$`)), page.locator("table").getByRole("link").first().click()]);
      await page.getByRole("heading", { name: "Extrato do repasse (BRL)" }).waitFor();
      expect(await page.getByRole("cell", { name: "Venda" }).isVisible()).toBe(true);
      expect(await page.getByRole("cell", { name: "Reembolso" }).isVisible()).toBe(true);
      expect(await text(page, "tbody tr:first-child td")).toBe(brl(0n));
      expect(await text(page, "tfoot td")).toBe(brl(payable));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "portal-payout-statement");
    } finally {
      await admin().tenant.update({ where: { slug: "aurora" }, data: { payoutHoldDays: 7 } });
    }
  });

  it("changes the payment settings and finds them saved", async () => {
    const page = await session.newPage({ locale: "pt-BR" });
    await signIn(page, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/settings/payments`);
    await page.getByRole("heading", { name: "Configurações de pagamento" }).waitFor();
    const pixExpiry = page.getByLabel("Validade do PIX (minutos)");
    const interest = page.getByLabel("Juros ao mês (%)");
    expect(await pixExpiry.inputValue()).toBe("30");
    expect(await interest.inputValue()).toBe("1,99");
    expect(await page.getByLabel("Provedor para PIX").locator("option:checked").textContent()).toBe("Provedor de teste");
    expect(await page.getByText("10%").isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // A percentage that isn't one: refused in the portal, nothing saved.
    await interest.fill("dois");
    await page.getByRole("button", { name: "Salvar" }).click();
    await page.getByText("Confira este campo.").waitFor();

    await pixExpiry.fill("45");
    await interest.fill("2,49");
    await page.getByLabel("Frequência dos repasses").selectOption("daily");
    await page.getByRole("button", { name: "Salvar" }).click();
    await page.getByRole("status").getByText("Configurações salvas.").waitFor();
    await screenshot(page, "portal-payment-settings");

    await page.reload();
    expect(await page.getByLabel("Validade do PIX (minutos)").inputValue()).toBe("45");
    expect(await page.getByLabel("Juros ao mês (%)").inputValue()).toBe("2,49");
    expect(await page.getByLabel("Frequência dos repasses").inputValue()).toBe("daily");
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    expect(store.payoutSchedule).toBe("daily");
    // What the form doesn't show kept its value.
    expect(store.checkout).toMatchObject({
      paymentMethods: ["pix", "boleto", "card"],
      pixExpiryMinutes: 45,
      cardHoldMinutes: 15,
      installments: { max: 12, interestFree: 3, monthlyInterestBps: 249 },
      providers: { pix: "test", boleto: "test", card: "test" },
    });

    // A provider sends the seller back with a state this platform never signed: refused, and said so.
    const forged = `${store.id}.aurora.stripe.zzzzzzzz.not-a-signature`;
    await page.goto(`${session.platform.portalUrl}/connect/stripe?state=${forged}&accountId=acct_e2e`);
    await page.waitForURL(/\/stores\/aurora\/settings\/payments\?/);
    await page.getByRole("alert").getByText("A conexão com Stripe não foi concluída. Você não tem permissão para isso.").waitFor();
    // The seller declined at the provider: no code comes back.
    await page.goto(`${session.platform.portalUrl}/connect/mercadopago?error=access_denied&state=${store.id}.aurora.mercadopago.zzzzzzzz.sig`);
    await page.getByRole("alert").getByText("A conexão com Mercado Pago não foi concluída.").waitFor();
    expect(await admin().paymentAccount.count()).toBe(0);
    expect((await page.goto(`${session.platform.portalUrl}/connect/paypal?state=${forged}`))?.status()).toBe(404);
    expect((await page.goto(`${session.platform.portalUrl}/connect/stripe?state=no-store-named`))?.status()).toBe(404);
  });

  it("shows a member whose role has no payment permissions neither the links nor the pages", async () => {
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const user = await admin().user.create({ data: { email: "estoque@aurora.example", name: "Beto Estoque", passwordHash: await hashPassword("beto's password"), locale: "pt-BR" } });
    await admin().membership.create({ data: { tenantId: store.id, userId: user.id, role: "staff" } });

    const page = await session.newPage({ locale: "pt-BR" });
    await signIn(page, "estoque@aurora.example", "beto's password");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/orders/${orderNumber}`);
    await page.getByRole("heading", { name: `Pedido nº ${orderNumber}` }).waitFor();
    const nav = page.getByRole("navigation", { name: "Seções da loja" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Produtos", "Pedidos"]);
    expect(await page.getByRole("button", { name: "Reembolsar este valor" }).count()).toBe(0);

    const response = await page.goto(`${session.platform.portalUrl}/stores/aurora/finance`);
    expect(response?.status()).toBe(403);
    await page.getByText("Você não tem permissão para isso.").waitFor();
  });

  it("refunds everything left without JavaScript", async () => {
    const payment = await shopperPayment();
    const left = payment.capturedAmount - payment.refundedAmount;
    const page = await session.newPage({ locale: "pt-BR", javaScriptEnabled: false });
    await signIn(page, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/orders/${orderNumber}`);
    // An empty amount doesn't stop this button: it refunds what the page shows as left.
    await page.getByRole("button", { name: `Reembolsar tudo o que resta (${brl(left)})` }).click();
    await page.getByRole("status").getByText(`Reembolso de ${brl(left)} concluído.`).waitFor();
    await page.getByRole("heading", { name: "Pagamento 1: Cartão · Reembolsado", exact: true }).waitFor();
    expect(await text(page, ".order-page > .facts > div:nth-child(3) > dd")).toBe("Reembolsado");
    expect(await page.getByRole("button", { name: /^Reembolsar/ }).count()).toBe(0);
    await page.locator(".timeline").getByText(`Reembolsado (reembolso de ${brl(left)})`).waitFor();
    expect(await shopperPayment()).toMatchObject({ status: "refunded", refundedAmount: payment.capturedAmount });
  });
});

describe.runIf(run)("platform staff", () => {
  it("see the open reconciliation differences, translated", async () => {
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const payment = await admin().payment.findFirstOrThrow({ where: { tenantId: store.id } });
    await admin().reconciliationIssue.create({
      data: { tenantId: store.id, day: new Date("2025-03-10T00:00:00Z"), provider: "test", kind: "amount_mismatch", reference: payment.id, expected: 8990n, actual: 8900n },
    });

    const page = await session.newPage({ locale: "en" });
    await signIn(page, "staff@primestore.example");
    await Promise.all([page.waitForURL(/\/staff\/reconciliation$/), page.getByRole("link", { name: "Reconciliation" }).click()]);
    await page.getByRole("heading", { name: "Reconciliation" }).waitFor();
    const row = page.locator("tbody tr", { hasText: payment.id });
    expect(await row.getByRole("rowheader").textContent()).toContain("Aurora Moda");
    expect((await row.getByRole("cell").allTextContents()).map((cell) => cell.replace(/\u00a0/g, " "))).toEqual([
      "Mar 10, 2025",
      "Test provider",
      "Different captured amount",
      payment.id,
      "R$89.90",
      "R$89.00",
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "staff-reconciliation-en");
  });

  it("see what a provider holds that we don't, a ledger off from the provider and a listing that failed, with what was noted", async () => {
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const payment = await admin().payment.findFirstOrThrow({ where: { tenantId: store.id } });
    const day = new Date("2025-03-11T00:00:00Z");
    await admin().reconciliationIssue.createMany({
      data: [
        { tenantId: store.id, day, provider: "mercadopago", kind: "unknown_at_provider", reference: "1310000999", actual: 4250n, details: { paymentId: payment.id, status: "paid", currency: "BRL" } },
        { tenantId: store.id, day, provider: "test", kind: "ledger_mismatch", reference: payment.id, expected: 800n, actual: 900n, details: { posting: "refund, gateway_fee" } },
        { tenantId: store.id, day, provider: "mercadopago", kind: "listing_failed", reference: "7001", details: { error: "invalid access token" } },
      ],
    });

    const page = await session.newPage({ locale: "en" });
    await signIn(page, "staff@primestore.example");
    await page.goto(`${session.platform.portalUrl}/staff/reconciliation`);
    const cells = async (kind: string) =>
      (await page.locator("tbody tr", { hasText: kind }).getByRole("cell").allTextContents()).map((cell) => cell.replace(/\u00a0/g, " "));
    expect(await cells("At the provider, not in our records")).toEqual([
      "Mar 11, 2025",
      "Mercado Pago",
      // In the order PostgreSQL keeps jsonb keys: shorter first.
      `At the provider, not in our recordsStatus at the provider:PaidOur payment:${payment.id}`,
      "1310000999",
      "—",
      "R$42.50",
    ]);
    expect(await cells("Ledger differs from the provider")).toEqual([
      "Mar 11, 2025",
      "Test provider",
      "Ledger differs from the providerPosting:Refund, Provider fee",
      payment.id,
      "R$8.00",
      "R$9.00",
    ]);
    expect(await cells("could not be listed")).toEqual(["Mar 11, 2025", "Mercado Pago", "The provider's payments could not be listedError:invalid access token", "7001", "—", "—"]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

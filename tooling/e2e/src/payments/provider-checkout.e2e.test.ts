import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { fillCheckout, paulistaAddress } from "../checkout-form.ts";
import { brl, signInToPortal, textOf } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;
const admin = () => session.platform.database.admin;

/** Types a card into Stripe's Payment Element (the fake Stripe.js's fields, standing in for its iframe). */
async function typeStripeCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
}

/** A guest on aurora presses "Comprar agora" on a dress and fills in the checkout up to the payment. */
async function buyDressNow(page: Page, email: string, name: string) {
  await page.goto(session.platform.storeUrl("aurora", "/products/vestido-linho-aurora"));
  await Promise.all([page.waitForURL(/\/checkout/), page.getByRole("button", { name: "Comprar agora" }).click()]);
  await fillCheckout(page, { email, name, ...paulistaAddress });
}

const signIn = (page: Page, email: string) => signInToPortal(page, session.platform.portalUrl, email);

/** The seller connects a provider from the payments settings and has it take `methods`. */
async function connectAndUse(page: Page, store: string, provider: "mercadopago" | "stripe", methods: Array<"pix" | "boleto" | "card">, connectLabel: string) {
  await page.goto(`${session.platform.portalUrl}/stores/${store}/settings/payments`);
  await Promise.all([page.waitForURL(/[?&]connected=1/), page.getByRole("button", { name: connectLabel }).click()]);
  for (const method of methods) {
    await page.check(`#method-${method}`);
    await page.selectOption(`select[name="provider.${method}"]`, provider);
  }
  await page.locator("form.settings-form button[type=submit]").click();
  await page.getByRole("status").first().waitFor();
}

/**
 * Mercado Pago releases the PIX sale to the seller's MP account; the seller records it as paid out
 * from the finance page, then refunds the sale in full. MP takes the refund from that account, so
 * MP's line goes negative and the page says why.
 */
async function releasedPixIsPaidOutThenRefunded(seller: Page) {
  const mercadopago = session.platform.mercadopago;
  const pix = await admin().payment.findFirstOrThrow({ where: { order: { email: "mp-pix@example.com" } }, include: { order: true } });
  // MP sends no notification when it releases money; its next one about the payment carries it.
  mercadopago.setMoneyRelease(pix.providerPaymentId!, { status: "released", date: new Date(Date.now() - 60_000) });
  const notification = mercadopago.notification(pix.providerPaymentId!);
  expect((await fetch(notification.url, { method: "POST", headers: notification.headers, body: notification.rawBody })).status).toBe(200);
  await expect.poll(async () => (await admin().payment.findUniqueOrThrow({ where: { id: pix.id } })).moneyReleaseStatus, { timeout: 30_000 }).toBe("released");
  // MP took its fee from the store's share, and our commission is ours.
  const { capturedAmount, commissionAmount, feeAmount } = await admin().payment.findUniqueOrThrow({ where: { id: pix.id } });
  const share = capturedAmount - commissionAmount - feeAmount;

  // The store's 7-day hold doesn't apply to money MP held itself: released is available now.
  await seller.goto(`${session.platform.portalUrl}/stores/aurora/finance`);
  await seller.getByRole("button", { name: `Repassar ${brl(share)} agora` }).click();
  await seller.getByRole("status").getByText(`Repasse de ${brl(share)} solicitado`, { exact: false }).waitFor();
  await seller.getByRole("button", { name: /^Repassar/ }).waitFor({ state: "detached" });
  // MP already put it in the seller's account: the payout is a record, with no transfer to make.
  await expect.poll(async () => (await admin().payout.findFirst({ where: { tenantId: pix.tenantId } }))?.status, { timeout: 30_000 }).toBe("paid");
  expect(await admin().payout.findFirstOrThrow({ where: { tenantId: pix.tenantId } })).toMatchObject({ provider: "mercadopago", amount: share, currency: "BRL" });

  await seller.goto(`${session.platform.portalUrl}/stores/aurora/orders/${pix.order.number}`);
  await seller.getByRole("button", { name: `Reembolsar tudo o que resta (${brl(pix.capturedAmount)})` }).click();
  await seller.getByRole("status").getByText(`Reembolso de ${brl(pix.capturedAmount)} concluído.`).waitFor();
  const refund = await admin().refund.findFirstOrThrow({ where: { paymentId: pix.id } });
  expect(refund).toMatchObject({ status: "succeeded", amount: pix.capturedAmount });
  expect(mercadopago.requests.filter((request) => request.method === "POST" && request.path === `/v1/payments/${pix.providerPaymentId}/refunds`)).toHaveLength(1);

  const taken = -(refund.amount - refund.commissionReversed);
  await seller.goto(`${session.platform.portalUrl}/stores/aurora/finance`);
  expect(await textOf(seller, ".negative-balances li")).toBe(
    `Mercado Pago: ${brl(taken)}. O Mercado Pago já tinha liberado essas vendas na sua conta do Mercado Pago, então tirou dela os reembolsos ou contestações. As próximas liberações do Mercado Pago são contadas já descontando esse valor; nada mais é cobrado de você.`,
  );
  expect(await seller.getByRole("button", { name: /^Repassar/ }).count()).toBe(0);
  expect(await seriousViolations(seller)).toEqual([]);
  await screenshot(seller, "portal-finance-negative-mercadopago");
}

describe.runIf(run)("stores take payments through their own provider accounts", () => {
  it("a seller connects Mercado Pago; a guest pays with its PIX (the webhook, through the worker, marks the order paid), another by card in 6× on MP's plan", async () => {
    const seller = await session.newPage({ locale: "pt-BR" });
    await signIn(seller, "ana@aurora.example");
    await connectAndUse(seller, "aurora", "mercadopago", ["pix", "card"], "Conectar Mercado Pago");
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    expect(await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: store.id } })).toMatchObject({ provider: "mercadopago", status: "active" });
    await screenshot(seller, "payments-mercadopago-connected");

    const shopper = await session.browser.newPage({ locale: "pt-BR" });
    try {
      await buyDressNow(shopper, "mp-pix@example.com", "Marta Pix");
      await shopper.getByLabel("PIX").check();
      await shopper.getByRole("button", { name: "Fazer pedido" }).click();
      await shopper.getByRole("heading", { name: "Falta só o pagamento" }).waitFor();
      expect(await shopper.getByRole("img", { name: /QR code do PIX/ }).isVisible()).toBe(true);
      // The code is Mercado Pago's, not the sandbox's, and no sandbox button is offered.
      const payment = await admin().payment.findFirstOrThrow({ where: { order: { email: "mp-pix@example.com" } } });
      expect(payment).toMatchObject({ provider: "mercadopago", method: "pix", status: "pending" });
      const charged = session.platform.mercadopago.payments.get(payment.providerPaymentId!)!;
      expect(await shopper.getByText(charged.payment.point_of_interaction.transaction_data!.qr_code).count()).toBeGreaterThan(0);
      expect(await shopper.getByRole("button", { name: /modo de teste/ }).count()).toBe(0);

      // The shopper's bank pays; Mercado Pago notifies our public webhook URL.
      session.platform.mercadopago.setPaymentStatus(payment.providerPaymentId!, "approved");
      const notification = session.platform.mercadopago.notification(payment.providerPaymentId!);
      const delivered = await fetch(notification.url, { method: "POST", headers: notification.headers, body: notification.rawBody });
      expect(delivered.status).toBe(200);
      await shopper.getByRole("heading", { name: "Pedido confirmado!" }).waitFor({ timeout: 30_000 });
      await screenshot(shopper, "payments-mercadopago-pix-paid");
      expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "paid", capturedAmount: payment.amount });

      // The seller sees the sale's money held by Mercado Pago until its release date, not yet payable.
      const release = (await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).moneyReleaseDate!;
      await seller.goto(`${session.platform.portalUrl}/stores/aurora/finance`);
      const held = seller.getByRole("table", { name: "Sua parte das vendas ainda retidas, por data de liberação" });
      const releaseDay = new Intl.DateTimeFormat("pt-BR", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(release);
      await held.getByRole("rowheader", { name: releaseDay }).waitFor();
      expect(await held.getByRole("row").filter({ hasText: "Mercado Pago" }).count()).toBe(1);
      await screenshot(seller, "payments-mercadopago-release-pending");
      expect(await admin().ledgerTransaction.count({ where: { reference: payment.id, kind: "capture" } })).toBe(1);

      // A forged copy (the signature over another payment id) is refused and changes nothing.
      const forged = new URL(notification.url);
      forged.searchParams.set("data.id", "1");
      expect((await fetch(forged, { method: "POST", headers: notification.headers, body: notification.rawBody })).status).toBe(401);
    } finally {
      await shopper.context().close();
    }

    // By card: the number goes into Mercado Pago's secure fields, made with the seller's public key.
    const cardShopper = await session.browser.newPage({ locale: "pt-BR" });
    try {
      await buyDressNow(cardShopper, "mp-card@example.com", "Marta Cartão");
      await cardShopper.getByLabel("Cartão de crédito").check();
      // Mercado Pago prices installments for the card typed: before it is known, only paying in full.
      const installments = cardShopper.getByLabel("Parcelas");
      expect(await installments.locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(["1"]);
      await cardShopper.getByPlaceholder("Número do cartão").fill("4509 9535 6623 3704");
      await cardShopper.getByText("Cartão: Visa").waitFor();
      // MP's plans for this card (the fake's: 1, 2, 3, 4, 6, 10 and 12; interest past 3), within the store's 12.
      await installments.locator("option[value='12']").waitFor({ state: "attached" });
      expect(await installments.locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(["1", "2", "3", "4", "6", "10", "12"]);
      await installments.selectOption("6");
      await cardShopper.getByPlaceholder("Validade (MM/AA)").fill("11/30");
      await cardShopper.getByPlaceholder("Código de segurança").fill("123");
      // Mercado Pago's test cards are decided by the holder's name: APRO is approved.
      await cardShopper.getByLabel("Nome impresso no cartão").fill("APRO");
      await screenshot(cardShopper, "payments-mercadopago-card-form");
      expect(await seriousViolations(cardShopper)).toEqual([]);
      await cardShopper.getByRole("button", { name: "Fazer pedido" }).click();
      await cardShopper.getByRole("heading", { name: "Pedido confirmado!" }).waitFor();
      // What the shopper pays MP: its installment (R$ 274,80 in 6× at the fake's 7,5%), with its interest.
      await cardShopper.getByText(/Pago no cartão em 6× de R\$\s49,24/).waitFor();
      expect(await cardShopper.getByText("Juros do parcelamento").count()).toBe(1);
      await screenshot(cardShopper, "payments-mercadopago-card-paid");
    } finally {
      await cardShopper.context().close();
    }
    const cardPayment = await admin().payment.findFirstOrThrow({ where: { order: { email: "mp-card@example.com" } } });
    // MP is charged the price and adds its own interest: none of it is the store's, or in our books.
    const cardOrder = await admin().order.findFirstOrThrow({ where: { email: "mp-card@example.com" } });
    expect(cardPayment).toMatchObject({ provider: "mercadopago", method: "card", status: "paid", installments: 6, interestAmount: 0n, amount: cardOrder.subtotal + cardOrder.shippingTotal });
    const charged = session.platform.mercadopago.payments.get(cardPayment.providerPaymentId!)!;
    expect(charged.payment).toMatchObject({ payment_method_id: "visa", issuer_id: 25, installments: 6, status: "approved", transaction_amount: Number(cardPayment.amount) / 100 });
    const priced = session.platform.mercadopago.requests.filter((request) => request.path.startsWith("/v1/payment_methods/installments"));
    expect(priced.length).toBeGreaterThan(0);
    expect(new URL(priced.at(-1)!.path, "http://mp").searchParams.get("bin")).toBe("45099535");
    // The card number went from the browser to Mercado Pago only: the payment we created names its token, not the card.
    const sentByUs = session.platform.mercadopago.requests.filter((request) => request.method === "POST" && request.path.startsWith("/v1/payments"));
    expect(sentByUs.filter((request) => JSON.stringify(request.body ?? null).includes("4509953566233704"))).toEqual([]);
    expect(session.platform.mercadopago.requests.find((request) => request.path.startsWith("/v1/card_tokens"))?.headers.origin).toBe(session.platform.storeUrl("aurora", ""));

    // The seller's order page keeps the store's total, and says what the shopper paid MP beside it.
    const paidToMp = BigInt(Math.round(charged.payment.transaction_details.total_paid_amount * 100));
    expect(paidToMp).toBeGreaterThan(cardPayment.amount);
    await seller.goto(`${session.platform.portalUrl}/stores/aurora/orders/${cardOrder.number}`);
    await seller.getByRole("heading", { name: "Pagamento 1: Cartão · Pago" }).waitFor();
    expect(await textOf(seller, "dt:text-is('Pago ao Mercado Pago') + dd")).toBe(brl(paidToMp));
    await seller.getByText(`O valor pago ao Mercado Pago inclui ${brl(paidToMp - cardPayment.amount)} de juros do parcelamento dele, que a loja não recebe.`).waitFor();
    await screenshot(seller, "portal-order-paid-to-mercadopago");

    await releasedPixIsPaidOutThenRefunded(seller);
  });

  it("a seller connects Stripe; a shopper on the en store pays by card through it, the store's share goes to its account", async () => {
    const seller = await session.newPage({ locale: "en" });
    await signIn(seller, "sam@summit.example");
    await connectAndUse(seller, "summit", "stripe", ["card"], "Connect Stripe");
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "summit" } });
    const account = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: store.id, provider: "stripe" } });
    expect(session.platform.stripe.state.accounts.get(account.accountId)).toMatchObject({ payouts_enabled: true });

    const shopper = await session.browser.newPage({ locale: "en" });
    try {
      // Straight to checkout, as the product page's "Buy now" form sends the shopper.
      const backpack = await admin().variant.findFirstOrThrow({ where: { product: { slug: "trail-backpack-28l" } }, orderBy: { position: "asc" } });
      await shopper.goto(session.platform.storeUrl("summit", `/checkout?product=trail-backpack-28l&variant=${backpack.id}&qty=1`));
      await fillCheckout(shopper, { email: "stripe-card@example.com", name: "Casey Stripe", line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" });
      expect(await shopper.getByLabel("Credit card").isChecked()).toBe(true);
      // Stripe takes cards in one installment: the store's 3× offer doesn't apply.
      expect(await shopper.getByLabel("Installments").locator("option").count()).toBe(1);
      // A declined card first: the order is cancelled and the shopper may try again.
      await typeStripeCard(shopper, "4000 0000 0000 0002");
      await shopper.getByRole("button", { name: "Place order" }).click();
      await shopper.getByText("Payment declined. Please try another payment method.").waitFor();
      // Then a card whose bank asks for 3-D Secure: Stripe.js shows the challenge on the order page.
      await typeStripeCard(shopper, "4000 0025 0000 3155");
      await shopper.getByRole("button", { name: "Place order" }).click();
      await shopper.getByRole("heading", { name: "Confirm the payment with your bank" }).waitFor();
      const challenge = shopper.getByRole("dialog", { name: "3D Secure 2 Test Page" });
      await screenshot(shopper, "payments-stripe-3ds-challenge");
      await challenge.getByRole("button", { name: "Complete" }).click();
      await shopper.getByRole("heading", { name: "Order confirmed!" }).waitFor();
      await screenshot(shopper, "payments-stripe-card-paid");
    } finally {
      await shopper.context().close();
    }
    // Without JavaScript there is no Payment Element to type into, and the page says so.
    const noScript = await session.newPage({ locale: "en", javaScriptEnabled: false });
    const beanie = await admin().variant.findFirstOrThrow({ where: { product: { slug: "merino-beanie" } }, orderBy: { position: "asc" } });
    await noScript.goto(session.platform.storeUrl("summit", `/checkout?product=merino-beanie&variant=${beanie.id}&qty=1`));
    await screenshot(noScript, "payments-stripe-no-javascript");
    // Playwright's text locators skip <noscript>; what the browser renders (innerText) doesn't.
    expect(await noScript.locator("body").innerText()).toContain("Paying by card needs JavaScript");

    const order = await admin().order.findFirstOrThrow({ where: { email: "stripe-card@example.com", status: "paid" }, include: { payments: true } });
    const payment = order.payments[0]!;
    expect(payment).toMatchObject({ provider: "stripe", method: "card", status: "paid", capturedAmount: order.total });
    const intent = session.platform.stripe.state.paymentIntents.get(payment.providerPaymentId!)!;
    expect(intent).toMatchObject({ status: "succeeded", amount: Number(order.total), transfer_data: { destination: account.accountId }, application_fee_amount: Number(payment.commissionAmount) });
  });
});

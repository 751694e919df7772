import { AppConfig } from "mercadopago/dist/utils/config/index.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isValidDigitableLine } from "../boleto.ts";
import { type CreatePaymentInput, type PaymentProvider, type WebhookRequest, WebhookVerificationError } from "../provider.ts";
import { installmentOptions } from "./installments.ts";
import { createMercadoPagoProvider } from "./mercadopago-provider.ts";
import { FAKE_CARD_TOKENS, type FakeMercadoPago, type FakeNotification, startFakeMercadoPago } from "./testing/fake-mercadopago.ts";

const app = { clientId: "app-4242", clientSecret: "app-secret", webhookSecret: "whsec-mp" };
const PLATFORM_TOKEN = "APP_USR-platform";
const SELLER_A = { accountId: "1001", accessToken: "APP_USR-seller-a" };
const SELLER_B = { accountId: "1002", accessToken: "APP_USR-seller-b" };
const expiresAt = new Date("2026-12-01T02:59:59.999Z");
const payer = {
  email: "ana@example.com",
  firstName: "Ana",
  lastName: "Souza",
  document: { type: "CPF" as const, number: "19119119100" },
  address: { postalCode: "01310100", street: "Avenida Paulista", number: "1000", neighborhood: "Bela Vista", city: "São Paulo", state: "SP" },
};

function input(overrides: Partial<CreatePaymentInput> & Pick<CreatePaymentInput, "idempotencyKey" | "method">): CreatePaymentInput {
  return {
    tenantId: "tenant-1",
    paymentId: overrides.idempotencyKey,
    amount: 18990n,
    currency: "BRL",
    installments: 1,
    payerEmail: "ana@example.com",
    description: "Pedido #1",
    fields: {},
    notificationUrl: "https://primestore.test/webhooks/mercadopago?tenant=tenant-1",
    ...overrides,
  };
}

const card = (idempotencyKey: string, token: string = FAKE_CARD_TOKENS.approve) =>
  input({ idempotencyKey, method: "card", installments: 3, fields: { token, paymentMethodId: "visa", issuerId: "25" } });

let fake: FakeMercadoPago;
let provider: PaymentProvider;

beforeEach(async () => {
  fake = await startFakeMercadoPago(app);
  provider = createMercadoPagoProvider({ accessToken: PLATFORM_TOKEN, ...app, baseUrl: fake.url });
});
afterEach(() => fake.close());

const sent = (method: string, path: string) => fake.requests.filter((request) => request.method === method && request.path === path);
const lastBody = () => fake.requests.at(-1)?.body;

describe("Mercado Pago payments through the SDK", () => {
  it("creates a PIX with its expiry, our ids and the notification URL, and shows its QR code", async () => {
    const result = await provider.createPayment(input({ idempotencyKey: "pay-pix", method: "pix", expiresAt }));

    expect(lastBody()).toMatchObject({
      payment_method_id: "pix",
      transaction_amount: 189.9,
      date_of_expiration: "2026-11-30T23:59:59.999-03:00",
      external_reference: "pay-pix",
      metadata: { tenant_id: "tenant-1", payment_id: "pay-pix" },
      notification_url: "https://primestore.test/webhooks/mercadopago?tenant=tenant-1",
      payer: { email: "ana@example.com" },
    });
    expect(fake.requests.at(-1)?.headers).toMatchObject({ authorization: `Bearer ${PLATFORM_TOKEN}`, "x-idempotency-key": "pay-pix" });
    expect(result).toMatchObject({ status: "pending", details: { expiresAt: expiresAt.toISOString() } });
    expect(result.details.qrCode).toMatch(/^000201.*6304[0-9A-F]{4}$/);
    expect(result.details.qrCodeBase64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(result.details.ticketUrl).toMatch(/^https:\/\/www\.mercadopago\.com\.br\/payments\//);
  });

  it("sends a boleto with the payer's full name, document and address, and shows its digitable line", async () => {
    const result = await provider.createPayment(input({ idempotencyKey: "pay-boleto", method: "boleto", expiresAt, payer }));

    expect(lastBody()).toMatchObject({
      payment_method_id: "bolbradesco",
      date_of_expiration: "2026-11-30T23:59:59.999-03:00",
      payer: {
        email: "ana@example.com",
        first_name: "Ana",
        last_name: "Souza",
        identification: { type: "CPF", number: "19119119100" },
        address: { zip_code: "01310100", street_name: "Avenida Paulista", street_number: "1000", neighborhood: "Bela Vista", city: "São Paulo", federal_unit: "SP" },
      },
    });
    expect(result).toMatchObject({ status: "pending", details: { dueDate: "2026-11-30" } });
    expect(isValidDigitableLine(String(result.details.digitableLine))).toBe(true);
    expect(result.details.ticketUrl).toMatch(/^https:\/\//);
  });

  it("refuses a boleto without the payer's address or document before calling Mercado Pago", async () => {
    const { address: _address, ...withoutAddress } = payer;
    await expect(provider.createPayment(input({ idempotencyKey: "b1", method: "boleto", expiresAt, payer: withoutAddress }))).rejects.toThrow(/payer's address/);
    const { document: _document, ...withoutDocument } = payer;
    await expect(provider.createPayment(input({ idempotencyKey: "b2", method: "boleto", expiresAt, payer: withoutDocument }))).rejects.toThrow(/CPF\/CNPJ/);
    expect(fake.requests).toEqual([]);
  });

  it("charges a card in installments with its issuer, and reports a decline with MP's status detail", async () => {
    const approved = await provider.createPayment(card("pay-card"));
    expect(lastBody()).toMatchObject({ token: FAKE_CARD_TOKENS.approve, installments: 3, issuer_id: 25, payment_method_id: "visa" });
    expect(approved).toMatchObject({ status: "paid", details: { installments: 3, statusDetail: "accredited" } });

    const declined = await provider.createPayment(card("pay-card-2", FAKE_CARD_TOKENS.reject));
    expect(declined).toMatchObject({ status: "failed", failureCode: "cc_rejected_other_reason" });
  });

  it("creates a split payment with the seller's token and our application fee", async () => {
    const split = { kind: "destination" as const, account: SELLER_A, applicationFee: 1899n };
    const result = await provider.createPayment({ ...card("pay-split"), split });

    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SELLER_A.accessToken}`);
    expect(lastBody()).toMatchObject({ transaction_amount: 189.9, application_fee: 18.99 });
    expect(fake.payments.get(result.providerPaymentId)?.account).toBe(SELLER_A.accessToken);

    const snapshot = await provider.getPayment(result.providerPaymentId, SELLER_A);
    // 4.99% of R$ 189,90 is MP's; the R$ 18,99 application fee is ours, not a gateway fee.
    expect(snapshot).toMatchObject({ status: "paid", amount: 18990n, fee: 948n, tenantId: "tenant-1", paymentId: "pay-split" });
  });

  it("refuses a multi-seller transfers split and a currency other than reais", async () => {
    const transfers = { kind: "transfers" as const, group: "g1", transfers: [{ account: SELLER_A, amount: 100n }] };
    await expect(provider.createPayment({ ...card("t1"), split: transfers })).rejects.toThrow(/transfers/);
    await expect(provider.createPayment({ ...card("t2"), currency: "USD" })).rejects.toThrow(/BRL/);
    expect(fake.requests).toEqual([]);
  });

  it("sends our idempotency key on every creation and refund", async () => {
    const pix = await provider.createPayment(input({ idempotencyKey: "key-pix", method: "pix", expiresAt }));
    const paid = await provider.createPayment(card("key-card"));
    await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 1000n, idempotencyKey: "key-refund" });

    const keys = fake.requests.filter((request) => request.method === "POST").map((request) => request.headers["x-idempotency-key"]);
    expect(keys).toEqual(["key-pix", "key-card", "key-refund"]);
    expect(pix.providerPaymentId).not.toBe(paid.providerPaymentId);
  });

  it("has the fake refuse creations and refunds without a key, as Mercado Pago does", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${fake.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${PLATFORM_TOKEN}` }, body: JSON.stringify(body) });
    const paid = await provider.createPayment(card("pay-keyless"));
    expect((await post("/v1/payments", { transaction_amount: 10, payment_method_id: "pix", payer: { email: "a@b.co" } })).status).toBe(400);
    expect((await post(`/v1/payments/${paid.providerPaymentId}/refunds`, { amount: 1 })).status).toBe(400);
    expect(fake.payments.size).toBe(1);
  });

  it("ends with one payment when the answer to a creation is lost and the same key is sent again", async () => {
    fake.dropNextResponse("/v1/payments");
    const first = await provider.createPayment(card("pay-dropped"));
    const again = await provider.createPayment(card("pay-dropped"));

    const creations = sent("POST", "/v1/payments");
    // The SDK retried the dropped connection itself, with the same key; then we asked once more.
    expect(creations.map((request) => request.headers["x-idempotency-key"])).toEqual(["pay-dropped", "pay-dropped", "pay-dropped"]);
    expect(fake.payments.size).toBe(1);
    expect(again.providerPaymentId).toBe(first.providerPaymentId);
  });

  it("reads a payment after a partial refund: amount, MP's fee, refunds, release date and our ids", async () => {
    const paid = await provider.createPayment(card("pay-refund"));
    const refund = await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 5000n, idempotencyKey: "refund-1" });
    expect(lastBody()).toEqual({ amount: 50 });
    expect(refund).toMatchObject({ amount: 5000n, status: "succeeded" });

    const snapshot = await provider.getPayment(paid.providerPaymentId);
    expect(snapshot).toMatchObject({
      providerPaymentId: paid.providerPaymentId,
      status: "paid",
      amount: 18990n,
      currency: "BRL",
      fee: 948n,
      refunds: [{ providerRefundId: refund.providerRefundId, amount: 5000n, status: "succeeded" }],
      tenantId: "tenant-1",
      paymentId: "pay-refund",
    });
    const releaseInDays = ((snapshot.moneyRelease?.date.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(releaseInDays).toBeGreaterThan(13.9);
    expect(snapshot.moneyRelease?.status).toBe("pending");
    fake.setMoneyRelease(paid.providerPaymentId, { status: "released" });
    expect((await provider.getPayment(paid.providerPaymentId)).moneyRelease?.status).toBe("released");

    await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 13990n, idempotencyKey: "refund-2" });
    expect(await provider.getPayment(paid.providerPaymentId)).toMatchObject({ status: "refunded", refunds: [{ amount: 5000n }, { amount: 13990n }] });
  });

  it("answers a repeated refund key with the same refund instead of refunding twice", async () => {
    const paid = await provider.createPayment(card("pay-refund-twice"));
    const first = await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 1000n, idempotencyKey: "refund-once" });
    const again = await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 1000n, idempotencyKey: "refund-once" });
    expect(again).toEqual(first);
    expect((await provider.getPayment(paid.providerPaymentId)).refunds).toHaveLength(1);
  });

  it("has a refund above what remains captured rejected by Mercado Pago", async () => {
    const paid = await provider.createPayment(card("pay-over"));
    await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 10000n, idempotencyKey: "r-part" });
    await expect(provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 8991n, idempotencyKey: "r-over" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/exceeds/),
    });
    expect((await provider.getPayment(paid.providerPaymentId)).refunds).toHaveLength(1);
  });

  it("keeps each seller's payments to their own token", async () => {
    const split = { kind: "destination" as const, account: SELLER_A, applicationFee: 1000n };
    const paid = await provider.createPayment({ ...card("pay-a"), split });

    await expect(provider.getPayment(paid.providerPaymentId, SELLER_B)).rejects.toMatchObject({ status: 404 });
    await expect(provider.getPayment(paid.providerPaymentId)).rejects.toMatchObject({ status: 404 });
    await expect(provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 100n, idempotencyKey: "r-b", account: SELLER_B })).rejects.toMatchObject({
      status: 404,
    });
    expect(await provider.getPayment(paid.providerPaymentId, SELLER_A)).toMatchObject({ status: "paid" });
  });

  it("leaves the SDK's production host in place for everyone else", async () => {
    await provider.createPayment(card("pay-host"));
    expect(AppConfig.BASE_URL).toBe("https://api.mercadopago.com");
  });

  it("lists installment plans in centavos, interest-free or not", async () => {
    const options = await installmentOptions({ accessToken: SELLER_A.accessToken, baseUrl: fake.url }, 10000n, "visa", "411111");

    expect(fake.requests.at(-1)).toMatchObject({
      method: "GET",
      path: "/v1/payment_methods/installments?amount=100.00&payment_method_id=visa&bin=411111",
      headers: { authorization: `Bearer ${SELLER_A.accessToken}` },
    });
    expect(options[0]).toEqual({ installments: 1, installmentAmount: 10000n, totalAmount: 10000n, interestFree: true, label: "1 parcela de R$ 100,00 sem juros" });
    expect(options.find((option) => option.installments === 3)).toMatchObject({ installmentAmount: 3333n, totalAmount: 10000n, interestFree: true });
    expect(options.find((option) => option.installments === 6)).toEqual({
      installments: 6,
      installmentAmount: 1792n,
      totalAmount: 10750n,
      interestFree: false,
      label: "6 parcelas de R$ 17,92 (R$ 107,50)",
    });
  });

  it("says payouts are Mercado Pago's own release, without calling it", async () => {
    const payout = await provider.payout({ account: SELLER_A, amount: 5000n, currency: "BRL", idempotencyKey: "payout-1", requestedAt: new Date() });
    expect(payout).toEqual({ providerPayoutId: "mp-release-payout-1", status: "paid" });
    expect(fake.requests).toEqual([]);
  });
});

describe("Mercado Pago listPayments", () => {
  const searches = () => fake.requests.filter((request) => request.method === "GET" && request.path.startsWith("/v1/payments/search?"));
  const sellersPayment = (seller: typeof SELLER_A, idempotencyKey: string) =>
    provider.createPayment({ ...card(idempotencyKey), split: { kind: "destination", account: seller, applicationFee: 1000n } });

  it("lists the payments created in the range in the seller's own account, past a page of 100, with our ids", async () => {
    const ours = [];
    for (let i = 0; i < 101; i++) ours.push(await sellersPayment(SELLER_A, `pay-${i}`));
    const othersSeller = await sellersPayment(SELLER_B, "pay-b");
    // A sale the seller made elsewhere with the same account: none of our ids.
    const elsewhere = await fetch(`${fake.url}/v1/payments`, {
      method: "POST",
      headers: { authorization: `Bearer ${SELLER_A.accessToken}`, "x-idempotency-key": "their-own" },
      body: JSON.stringify({ transaction_amount: 25, payment_method_id: "pix", payer: { email: "eve@example.com" } }),
    }).then((response) => response.json() as Promise<{ id: number }>);
    fake.payments.get(ours[1]!.providerPaymentId)!.payment.date_created = new Date(Date.now() - 86_400_000).toISOString();
    const from = new Date(Date.now() - 3600_000);
    const to = new Date(Date.now() + 3600_000);

    const listed = await provider.listPayments!({ from, to }, SELLER_A);

    expect(listed).toHaveLength(101);
    const byId = new Map(listed.map((payment) => [payment.providerPaymentId, payment]));
    expect(byId.has(ours[1]!.providerPaymentId)).toBe(false);
    expect(byId.has(othersSeller.providerPaymentId)).toBe(false);
    expect(byId.get(ours[2]!.providerPaymentId)).toEqual({
      providerPaymentId: ours[2]!.providerPaymentId,
      status: "paid",
      amount: 18990n,
      currency: "BRL",
      tenantId: "tenant-1",
      paymentId: "pay-2",
      created: new Date(fake.payments.get(ours[2]!.providerPaymentId)!.payment.date_created),
    });
    expect(byId.get(String(elsewhere.id))).toMatchObject({ status: "pending", amount: 2500n, tenantId: undefined, paymentId: undefined });
    const pages = searches();
    expect(pages).toHaveLength(2);
    expect(pages.every((request) => request.headers.authorization === `Bearer ${SELLER_A.accessToken}`)).toBe(true);
    const query = new URL(pages[1]!.path, fake.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      range: "date_created",
      begin_date: from.toISOString(),
      end_date: new Date(to.getTime() - 1).toISOString(),
      sort: "date_created",
      criteria: "asc",
      limit: "100",
      offset: "100",
    });
  });

  it("reads a refunded payment as refunded, and lists nothing in a seller's quiet day in one request", async () => {
    const paid = await sellersPayment(SELLER_A, "pay-refunded");
    await provider.refund({ providerPaymentId: paid.providerPaymentId, amount: 18990n, idempotencyKey: "refund-all", account: SELLER_A });
    const now = Date.now();
    expect(await provider.listPayments!({ from: new Date(now - 60_000), to: new Date(now + 60_000) }, SELLER_A)).toMatchObject([{ status: "refunded" }]);
    expect(await provider.listPayments!({ from: new Date(now - 60_000), to: new Date(now + 60_000) }, SELLER_B)).toEqual([]);
    expect(searches()).toHaveLength(2);
  });

  it("fails with MP's refusal once the seller revoked our app, and without a token asks nothing", async () => {
    const returnUrl = "https://portal.primestore.test/connect/mercadopago";
    const connected = await provider.completeConnect({ code: fake.authorizeSeller(555_002, returnUrl), returnUrl });
    fake.revokeSeller(555_002);
    const day = { from: new Date(Date.now() - 86_400_000), to: new Date() };

    await expect(provider.listPayments!(day, { accountId: connected.accountId, accessToken: connected.accessToken })).rejects.toMatchObject({ status: 401 });
    await expect(provider.listPayments!(day, { accountId: connected.accountId })).rejects.toThrow(/no access token/);
    expect(searches()).toHaveLength(1);
  });
});

describe("Mercado Pago seller connection (OAuth)", () => {
  const returnUrl = "https://admin.primestore.test/settings/payments/mercadopago/callback";

  it("sends the seller to authorize our application", async () => {
    const url = await provider.connectUrl({ state: "state-123", returnUrl });
    expect(url).toBe(
      `https://auth.mercadopago.com/authorization?client_id=app-4242&response_type=code&platform_id=mp&state=state-123&redirect_uri=${encodeURIComponent(returnUrl)}`,
    );
  });

  it("plays the consent page for browsers: back to the return address with a code that exchanges", async () => {
    const consent = await fetch(`${fake.url}/authorization?${new URLSearchParams({ client_id: app.clientId, state: "state-456", redirect_uri: returnUrl })}`, { redirect: "manual" });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get("location")!);
    expect(`${back.origin}${back.pathname}`).toBe(returnUrl);
    expect(back.searchParams.get("state")).toBe("state-456");
    expect(await provider.completeConnect({ code: back.searchParams.get("code")!, returnUrl })).toMatchObject({ accountId: expect.stringMatching(/^\d+$/) });
  });

  it("exchanges the code for the seller's tokens, whose payments stay theirs after a refresh", async () => {
    const code = fake.authorizeSeller(555_001, returnUrl);
    const connected = await provider.completeConnect({ code, returnUrl });

    expect(lastBody()).toEqual({ client_id: app.clientId, client_secret: app.clientSecret, code, redirect_uri: returnUrl, grant_type: "authorization_code" });
    expect(connected).toMatchObject({ accountId: "555001", accessToken: expect.stringMatching(/^APP_USR-/), refreshToken: expect.stringMatching(/^TG-/) });
    const lifetimeDays = ((connected.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(lifetimeDays).toBeGreaterThan(179.9);

    const seller = { accountId: connected.accountId, accessToken: connected.accessToken };
    const paid = await provider.createPayment({ ...card("pay-oauth"), split: { kind: "destination", account: seller, applicationFee: 500n } });

    const refreshed = await provider.refreshCredentials(connected);
    expect(lastBody()).toEqual({ client_id: app.clientId, client_secret: app.clientSecret, refresh_token: connected.refreshToken, grant_type: "refresh_token" });
    expect(refreshed.accessToken).not.toBe(connected.accessToken);
    expect(await provider.getPayment(paid.providerPaymentId, { accountId: refreshed.accountId, accessToken: refreshed.accessToken })).toMatchObject({
      status: "paid",
    });
  });

  it("has a used code and a replaced refresh token refused", async () => {
    const code = fake.authorizeSeller(555_002, returnUrl);
    const connected = await provider.completeConnect({ code, returnUrl });
    await expect(provider.completeConnect({ code, returnUrl })).rejects.toMatchObject({ status: 400 });
    await provider.refreshCredentials(connected);
    await expect(provider.refreshCredentials(connected)).rejects.toMatchObject({ status: 400 });
  });
});

describe("Mercado Pago card form (MercadoPago.js with the seller's public key)", () => {
  const returnUrl = "https://admin.primestore.test/connect/mercadopago";
  const connect = async (userId: number) => provider.completeConnect({ code: fake.authorizeSeller(userId, returnUrl), returnUrl });
  /** What MercadoPago.js's createCardToken sends from the shopper's browser. */
  const cardToken = async (publicKey: string, holder: string, number = "4509953566233704") => {
    const response = await fetch(`${fake.url}/v1/card_tokens?public_key=${publicKey}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        card_number: number,
        expiration_month: 11,
        expiration_year: new Date().getUTCFullYear() + 3,
        security_code: "123",
        cardholder: { name: holder, identification: { type: "CPF", number: "19119119100" } },
      }),
    });
    return { status: response.status, body: (await response.json()) as { id: string } };
  };

  it("offers the seller's own public key, which the OAuth grant carries and a refresh keeps", async () => {
    const connected = await connect(555_101);
    expect(connected.publicKey).toMatch(/^APP_USR-/);
    expect(provider.cardForm?.(connected)).toEqual({ provider: "mercadopago", scriptUrl: "https://sdk.mercadopago.com/js/v2", publicKey: connected.publicKey });
    expect((await provider.refreshCredentials(connected)).publicKey).toBe(connected.publicKey);
    // Connected before public keys were kept: no key, no card form (the checkout then offers no card).
    expect(provider.cardForm?.({})).toBeUndefined();
  });

  it("charges a token made with the seller's key in the seller's account, by MP's test cardholder names, once", async () => {
    const seller = await connect(555_102);
    const account = { accountId: seller.accountId, accessToken: seller.accessToken };
    const split = { kind: "destination" as const, account, applicationFee: 500n };
    const approved = await cardToken(seller.publicKey!, "APRO");
    expect(approved.status).toBe(201);
    const search = await fetch(`${fake.url}/v1/payment_methods/search?public_key=${seller.publicKey}&bins=45099535`);
    expect(await search.json()).toMatchObject({ results: [{ id: "visa", issuer: { id: 25 } }] });

    const paid = await provider.createPayment({ ...card("pay-js", approved.body.id), split });
    expect(paid).toMatchObject({ status: "paid" });
    // Card tokens are single use.
    await expect(provider.createPayment({ ...card("pay-js-again", approved.body.id), split })).rejects.toMatchObject({ status: 400 });

    const rejected = await cardToken(seller.publicKey!, "OTHE");
    expect(await provider.createPayment({ ...card("pay-js-othe", rejected.body.id), split })).toMatchObject({ status: "failed", failureCode: "cc_rejected_other_reason" });
  });

  it("refuses a token made with another seller's public key, and a bad key or card number", async () => {
    const [first, second] = [await connect(555_103), await connect(555_104)];
    const theirs = await cardToken(first.publicKey!, "APRO");
    const split = { kind: "destination" as const, account: { accountId: second.accountId, accessToken: second.accessToken }, applicationFee: 500n };
    await expect(provider.createPayment({ ...card("pay-js-other", theirs.body.id), split })).rejects.toMatchObject({ status: 400 });
    expect((await cardToken("APP_USR-unknown", "APRO")).status).toBe(401);
    expect((await cardToken(first.publicKey!, "APRO", "1234")).status).toBe(400);
  });
});

function rejection(request: WebhookRequest): string | undefined {
  try {
    provider.parseWebhook(request);
    return undefined;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

function withHeader(notification: FakeNotification, name: string, value: string | undefined): FakeNotification {
  const headers = new Headers(notification.headers);
  if (value === undefined) headers.delete(name);
  else headers.set(name, value);
  return { ...notification, headers };
}

describe("Mercado Pago webhooks", () => {
  async function pixNotification() {
    const pix = await provider.createPayment(input({ idempotencyKey: "pay-hook", method: "pix", expiresAt }));
    return { id: pix.providerPaymentId, notification: fake.notification(pix.providerPaymentId) };
  }

  it("accepts a signed notification and names the payment from the query, and our tenant", async () => {
    const { id, notification } = await pixNotification();
    const bodyId = JSON.parse(notification.rawBody).id;
    expect(provider.parseWebhook(notification)).toEqual({ eventId: `${id}:${bodyId}`, type: "payment.updated", providerPaymentId: id, tenantId: "tenant-1" });
  });

  it("counts a redelivered notification once and a later change of the payment as a new event", async () => {
    const { id, notification } = await pixNotification();
    const redelivered = fake.redeliver(notification);
    expect(redelivered.headers.get("x-request-id")).not.toBe(notification.headers.get("x-request-id"));
    expect(provider.parseWebhook(redelivered).eventId).toBe(provider.parseWebhook(notification).eventId);

    fake.setPaymentStatus(id, "approved");
    expect(provider.parseWebhook(fake.notification(id)).eventId).not.toBe(provider.parseWebhook(notification).eventId);
  });

  it("rejects a signature with one byte flipped", async () => {
    const { notification } = await pixNotification();
    const [ts, v1] = String(notification.headers.get("x-signature")).split(",");
    const bytes = Buffer.from(String(v1).slice(3), "hex");
    bytes[7] = (bytes[7] ?? 0) ^ 0x01;
    expect(rejection(withHeader(notification, "x-signature", `${ts},v1=${bytes.toString("hex")}`))).toBe("bad_signature");
  });

  it("rejects a notification whose query names another payment than the one signed", async () => {
    const { id, notification } = await pixNotification();
    const url = new URL(notification.url);
    url.searchParams.set("data.id", String(Number(id) + 1));
    expect(rejection({ ...notification, url })).toBe("bad_signature");
  });

  it("rejects a changed request id, which is signed too", async () => {
    const { notification } = await pixNotification();
    expect(rejection(withHeader(notification, "x-request-id", "another-request"))).toBe("bad_signature");
  });

  it("rejects a timestamp outside the window, in seconds or milliseconds, and accepts one inside", async () => {
    const { id } = await pixNotification();
    const tenMinutesAgo = Date.now() - 10 * 60_000;
    expect(rejection(fake.notification(id, { ts: String(Math.floor(tenMinutesAgo / 1000)) }))).toBe("stale");
    expect(rejection(fake.notification(id, { ts: String(tenMinutesAgo) }))).toBe("stale");
    expect(rejection(fake.notification(id, { ts: String(Date.now() - 60_000) }))).toBeUndefined();
    const inTheFuture = fake.notification(id, { ts: String(Math.floor(Date.now() / 1000) + 600) });
    expect(rejection(inTheFuture)).toBe("stale");
  });

  it("rejects a missing or unreadable signature header, and one signed with another secret", async () => {
    const { id, notification } = await pixNotification();
    expect(rejection(withHeader(notification, "x-signature", undefined))).toBe("missing_signature");
    expect(rejection(withHeader(notification, "x-signature", "v1=abc"))).toBe("malformed");
    const requestId = String(notification.headers.get("x-request-id"));
    const foreign = fake.signNotification({ dataId: id, requestId, secret: "someone-else" });
    expect(rejection(withHeader(notification, "x-signature", foreign["x-signature"]))).toBe("bad_signature");
  });

  it("ignores what a forged body says: the query's payment is named and the API tells its state", async () => {
    const { id, notification } = await pixNotification();
    const forged = { ...JSON.parse(notification.rawBody), data: { id: "999999999" }, status: "approved" };
    const parsed = provider.parseWebhook({ ...notification, rawBody: JSON.stringify(forged) });

    expect(parsed.providerPaymentId).toBe(id);
    expect(await provider.getPayment(id)).toMatchObject({ status: "pending" });
  });
});

import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { getCustomerOrder, listCustomerOrders } from "../account/index.ts";
import { getCheckoutOffer, getOrderForSeller, getOrderStatus } from "../orders/index.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { decryptCredentials, encryptCredentials } from "./credentials.ts";
import { connectedAccount, refreshPayment } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const MP_SELLER = 7001;

const offerOf = async (tenant: TenantInfo, currency: string, country: string, card?: { brand: string; bin?: string }) => {
  const variant = await admin().variant.findFirstOrThrow({ where: { tenantId: tenant.id }, orderBy: { sku: "asc" } });
  return getCheckoutOffer(demo.database.app, tenant, fakes.gateway, { currency, country, lines: [{ variantId: variant.id, quantity: 1 }], card }, null);
};

const statusOf = (tenant: TenantInfo, access: { orderId: string; token: string }) =>
  withTenant(demo.database.app, tenant.id, (tx) => getOrderStatus(tx, tenant.id, access, fakes.gateway));

const access = (placed: { id: string; accessToken: string }) => ({ orderId: placed.id, token: placed.accessToken });

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, MP_SELLER);
  await useProviders(admin(), demo.aurora, { pix: "mercadopago", card: "mercadopago" }, ["pix", "card"]);
});

describe("card forms at checkout", () => {
  it("offers Stripe's Payment Element with the platform's publishable key instead of test cards", async () => {
    const offer = await offerOf(demo.summit, "USD", "US");
    expect(offer).toMatchObject({ paymentMethods: ["card"], cardProvider: "stripe", sandboxCards: [] });
    expect(offer.cardForm).toEqual({ provider: "stripe", scriptUrl: fakes.stripe.jsUrl, publicKey: "pk_test_core" });
  });

  it("offers Mercado Pago's secure fields with the seller's own public key", async () => {
    const offer = await offerOf(demo.aurora, "BRL", "BR");
    const account = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.aurora.id, provider: "mercadopago" } });
    const { publicKey } = decryptCredentials(fakes.gateway.encryptionKey, demo.aurora.id, account.credentials);
    expect(publicKey).toMatch(/^APP_USR-/);
    expect(offer.cardForm).toEqual({ provider: "mercadopago", scriptUrl: fakes.mercadopago.jsUrl, publicKey });
    expect(offer.paymentMethods).toEqual(["pix", "card"]);
  });

  it("offers no card where there is nothing to type one into (a Mercado Pago account connected without a public key)", async () => {
    const account = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.aurora.id, provider: "mercadopago" } });
    const { publicKey: _kept, ...withoutKey } = decryptCredentials(fakes.gateway.encryptionKey, demo.aurora.id, account.credentials);
    await admin().paymentAccount.update({ where: { id: account.id }, data: { credentials: encryptCredentials(fakes.gateway.encryptionKey, demo.aurora.id, withoutKey) } });
    try {
      expect(await offerOf(demo.aurora, "BRL", "BR")).toMatchObject({ paymentMethods: ["pix"], cardProvider: null, cardForm: null });
    } finally {
      await admin().paymentAccount.update({ where: { id: account.id }, data: { credentials: account.credentials } });
    }
  });
});

describe("Mercado Pago's installment plans", () => {
  it("are offered for the card the shopper types, priced by MP with the seller's token, up to the store's maximum", async () => {
    const before = await offerOf(demo.aurora, "BRL", "BR");
    // Before the card is known only paying in full is certain; the store's own interest table isn't offered.
    expect(before.installments).toEqual([{ count: 1, amount: expect.any(BigInt), total: before.installments[0]!.amount, interest: 0n, interestFree: true }]);
    const principal = before.installments[0]!.total;

    const asked = fakes.mercadopago.requests.length;
    const offer = await offerOf(demo.aurora, "BRL", "BR", { brand: "visa", bin: "411111" });
    const call = fakes.mercadopago.requests.slice(asked).find((request) => request.path.startsWith("/v1/payment_methods/installments"))!;
    expect(new URL(call.path, "http://mp").searchParams.get("bin")).toBe("411111");
    const account = await withTenant(demo.database.app, demo.aurora.id, (tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"));
    expect(call.headers.authorization).toBe(`Bearer ${account!.accessToken}`);
    // The fake offers 1, 2, 3, 4, 6, 10 and 12, interest-free up to 3; the store allows 6 (useProviders).
    expect(offer.installments.map((plan) => plan.count)).toEqual([1, 2, 3, 4, 6]);
    expect(offer.installments.slice(0, 3).every((plan) => plan.interestFree && plan.total === principal)).toBe(true);
    const six = offer.installments.find((plan) => plan.count === 6)!;
    expect(six).toMatchObject({ interestFree: false, total: principal + six.interest });
    expect(six.interest).toBeGreaterThan(0n);
  });

  it("charge MP the price with the shopper's installments, for MP to add its interest", async () => {
    const { placed, payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve", paymentMethodId: "visa" }, 6);
    expect(payment).toMatchObject({ status: "paid", installments: 6, interestAmount: 0n, amount: placed.total });
    const created = fakes.mercadopago.payments.get(payment.providerPaymentId!)!.payment;
    expect(created).toMatchObject({ installments: 6, transaction_amount: Number(placed.total) / 100 });
    // The shopper's page shows what they pay MP: its installments, with its interest.
    const paidToMp = BigInt(Math.round(created.transaction_details.total_paid_amount * 100));
    expect(paidToMp).toBeGreaterThan(placed.total);
    const status = await statusOf(demo.aurora, access(placed));
    expect(status).toMatchObject({ interest: paidToMp - placed.total, total: paidToMp });
    expect(status.payment.installmentAmount).toBe(BigInt(Math.round(created.transaction_details.installment_amount * 100)));

    // Their account shows the same total; the store's staff see the order's own total, and MP's interest beside it.
    const customer = await admin().customer.create({ data: { tenantId: demo.aurora.id, email: `mp-${placed.number}@example.com`, name: "Ana MP" } });
    await admin().order.update({ where: { id: placed.id }, data: { customerId: customer.id } });
    const views = await withTenant(demo.database.app, demo.aurora.id, async (tx) => ({
      history: await listCustomerOrders(tx, customer.id),
      detail: await getCustomerOrder(tx, customer.id, { number: placed.number }),
      seller: await getOrderForSeller(tx, placed.number),
    }));
    expect(views.history.orders).toEqual([expect.objectContaining({ number: placed.number, total: paidToMp })]);
    expect(views.detail).toMatchObject({ total: paidToMp, payments: [{ amount: paidToMp, interestAmount: paidToMp - placed.total }] });
    expect(views.seller).toMatchObject({ total: placed.total, payments: [{ amount: placed.total, providerInterest: paidToMp - placed.total }] });
  });

  it("refuse a number of installments MP doesn't offer, placing no payment there", async () => {
    const before = fakes.mercadopago.payments.size;
    await expect(buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve", paymentMethodId: "visa" }, 5)).rejects.toMatchObject({
      code: "PAYMENT_PROVIDER_FAILED",
    });
    expect(fakes.mercadopago.payments.size).toBe(before);
  });
});

describe("3-D Secure after a server-side confirmation", () => {
  it("hands the buyer's page the client secret, then settles the payment from Stripe once the challenge is answered", async () => {
    const { placed, payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: fakes.stripe.confirmationToken("4000002500003155") });
    expect(payment).toMatchObject({ provider: "stripe", status: "pending" });
    const intent = fakes.stripe.state.paymentIntents.get(payment.providerPaymentId!)!;
    expect((await statusOf(demo.summit, access(placed))).payment.cardAction).toEqual({
      provider: "stripe",
      scriptUrl: fakes.stripe.jsUrl,
      publicKey: "pk_test_core",
      clientSecret: intent.client_secret,
    });

    // Asked before the shopper answered, Stripe still waits: nothing changes.
    expect(await refreshPayment(demo.database.app, fakes.gateway, demo.summit.id, access(placed))).toMatchObject({ paymentStatus: "pending" });
    fakes.stripe.answerChallenge(intent.id, "complete");
    expect(await refreshPayment(demo.database.app, fakes.gateway, demo.summit.id, access(placed))).toMatchObject({ orderStatus: "paid", paymentStatus: "paid" });
    expect((await statusOf(demo.summit, access(placed))).payment.cardAction).toBeNull();
    // Asking again (a second tab, the webhook afterwards) books nothing twice.
    await refreshPayment(demo.database.app, fakes.gateway, demo.summit.id, access(placed));
    expect(await admin().ledgerTransaction.count({ where: { reference: payment.id, kind: "capture" } })).toBe(1);
  });

  it("cancels the order and frees its stock when the shopper fails the challenge", async () => {
    const { placed, payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: fakes.stripe.confirmationToken("4000002500003155") });
    fakes.stripe.answerChallenge(payment.providerPaymentId!, "fail");
    expect(await refreshPayment(demo.database.app, fakes.gateway, demo.summit.id, access(placed))).toMatchObject({ orderStatus: "cancelled", paymentStatus: "failed" });
    expect(await admin().inventoryReservation.count({ where: { orderId: placed.id, status: "active" } })).toBe(0);
  });

  it("opens nothing with a wrong token or from another store", async () => {
    const { placed } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: fakes.stripe.confirmationToken("4000002500003155") });
    const wrong = { orderId: placed.id, token: `${placed.accessToken.slice(0, -2)}xx` };
    await expect(refreshPayment(demo.database.app, fakes.gateway, demo.summit.id, wrong)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(refreshPayment(demo.database.app, fakes.gateway, demo.aurora.id, access(placed))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await admin().payment.findFirstOrThrow({ where: { orderId: placed.id } })).toMatchObject({ status: "pending" });
  });
});

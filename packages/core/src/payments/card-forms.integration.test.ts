import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { getCheckoutOffer, getOrderStatus } from "../orders/index.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { decryptCredentials, encryptCredentials } from "./credentials.ts";
import { refreshPayment } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const MP_SELLER = 7001;

const offerOf = (tenant: TenantInfo, currency: string, country: string) =>
  withTenant(demo.database.app, tenant.id, async (tx) => {
    const variant = await tx.variant.findFirstOrThrow({ orderBy: { sku: "asc" } });
    return getCheckoutOffer(tx, tenant, fakes.gateway, { currency, country, lines: [{ variantId: variant.id, quantity: 1 }] }, null);
  });

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

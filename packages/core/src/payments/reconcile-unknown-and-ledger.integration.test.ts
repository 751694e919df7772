import { randomUUID } from "node:crypto";
import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { alterPosting, buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { connectedAccount, reconcileDay, syncPaymentInTx } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const today = () => new Date();

const AURORA_SELLER = 7101;
const SUMMIT_SELLER = 7102;

const issuesOf = (reference: string) => admin().reconciliationIssue.findMany({ where: { reference }, orderBy: { kind: "asc" } });
const kindsOf = async (reference: string) => (await issuesOf(reference)).map((issue) => issue.kind);

/** A Summit card sale through Stripe whose webhooks arrived: its fee and any refunds booked. */
async function stripeSale() {
  const { payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" });
  await syncFromStripe(payment);
  return payment;
}

async function syncFromStripe(payment: { id: string; providerPaymentId: string | null }) {
  const snapshot = await fakes.gateway.providers.stripe!.getPayment(payment.providerPaymentId!);
  await withTenant(demo.database.app, demo.summit.id, (tx) => syncPaymentInTx(tx, demo.summit.id, payment.id, snapshot));
  return snapshot;
}

/** The crash between the provider's answer and our write: the provider has the payment, our row doesn't say which. */
const forgetProviderPayment = (paymentId: string) => admin().payment.update({ where: { id: paymentId }, data: { providerPaymentId: null } });

const alterSummitPosting = (kind: string, reference: string, moves: Record<string, bigint>) =>
  alterPosting(admin(), { tenantId: demo.summit.id, currency: "USD", kind, reference }, moves);

/** A sale in a seller's own Mercado Pago account, made there directly with their token: ours only if `metadata` names us. */
async function mercadoPagoSale(tenantId: string, metadata?: { tenant_id: string; payment_id: string }) {
  const account = await withTenant(demo.database.app, tenantId, (tx) => connectedAccount(tx, fakes.gateway, tenantId, "mercadopago"));
  const response = await fetch(`${fakes.mercadopago.url}/v1/payments`, {
    method: "POST",
    headers: { authorization: `Bearer ${account!.accessToken}`, "x-idempotency-key": randomUUID() },
    body: JSON.stringify({
      transaction_amount: 42.5,
      payment_method_id: "visa",
      token: "tok_approve",
      installments: 1,
      payer: { email: "eve@example.com" },
      ...(metadata ? { external_reference: metadata.payment_id, metadata } : {}),
    }),
  });
  return String(((await response.json()) as { id: number }).id);
}

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, AURORA_SELLER);
  await useProviders(admin(), demo.aurora, { pix: "mercadopago", card: "mercadopago" }, ["pix", "card"]);
});

describe("the daily reconciliation, of the ledger", () => {
  it("reports a refund or fee posting altered by hand as ledger_mismatch, naming the posting, and nothing where the ledger agrees", async () => {
    const agreeing = await stripeSale();
    const refundedAgreeing = await stripeSale();
    const feeAltered = await stripeSale();
    const refundAltered = await stripeSale();
    const bothAltered = await stripeSale();
    for (const payment of [refundedAgreeing, refundAltered, bothAltered]) {
      await fakes.gateway.providers.stripe!.refund({ providerPaymentId: payment.providerPaymentId!, amount: 900n, idempotencyKey: randomUUID() });
      await syncFromStripe(payment);
    }
    const { fee } = await syncFromStripe(feeAltered);
    await alterSummitPosting("gateway_fee", feeAltered.id, { "cash:stripe": -50n, "gateway:fees": 50n });
    const [refundOf, bothRefundOf] = await Promise.all(
      [refundAltered, bothAltered].map((payment) => admin().refund.findFirstOrThrow({ where: { paymentId: payment.id }, select: { id: true } })),
    );
    await alterSummitPosting("refund", refundOf!.id, { "cash:stripe": 100n, "tenant:payable": -100n });
    await alterSummitPosting("refund", bothRefundOf!.id, { "cash:stripe": 100n, "tenant:payable": -100n });
    await alterSummitPosting("gateway_fee", bothAltered.id, { "cash:stripe": -50n, "gateway:fees": 50n });

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(await kindsOf(agreeing.id)).toEqual([]);
    expect(await kindsOf(refundedAgreeing.id)).toEqual([]);
    expect(await issuesOf(feeAltered.id)).toMatchObject([
      { kind: "ledger_mismatch", tenantId: demo.summit.id, provider: "stripe", expected: fee! + 50n, actual: fee, details: { posting: "gateway_fee" } },
    ]);
    expect(await issuesOf(refundAltered.id)).toMatchObject([{ kind: "ledger_mismatch", expected: 800n, actual: 900n, details: { posting: "refund" } }]);
    // Two postings off on one payment: one difference, naming both, their amounts summed.
    expect(await issuesOf(bothAltered.id)).toMatchObject([
      { kind: "ledger_mismatch", expected: 800n + fee! + 50n, actual: 900n + fee!, details: { posting: "refund, gateway_fee" } },
    ]);
  });
});

describe("the daily reconciliation, of what the providers hold and we don't", () => {
  it("reports a Stripe and an MP payment naming our store that we don't hold, once each however often the day is run, and ignores what isn't ours", async () => {
    const stripeCrash = (await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" })).payment;
    const mercadoPagoCrash = (await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "card", { token: "tok_approve", paymentMethodId: "visa" })).payment;
    // A PIX nobody paid: the shopper's money never moved, so nothing is missing.
    const unpaidPix = (await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "pix", {})).payment;
    for (const payment of [stripeCrash, mercadoPagoCrash, unpaidPix]) await forgetProviderPayment(payment.id);
    // Not ours: a platform charge without our ids, ones naming a store we don't have or no store id at all, and the seller's own MP sale.
    const stripe = fakes.gateway.providers.stripe!;
    const charge = { idempotencyKey: randomUUID(), amount: 1500n, currency: "USD", method: "card", installments: 1, payerEmail: "x@example.com", description: "not ours" } as const;
    const strangers = await Promise.all(
      [{}, { tenantId: randomUUID(), paymentId: randomUUID() }, { tenantId: "summit", paymentId: "p-1" }].map((ids) =>
        stripe.createPayment({ ...charge, ...ids, idempotencyKey: randomUUID(), fields: { token: "pm_card_visa" } }),
      ),
    );
    const sellersOwnSale = await mercadoPagoSale(demo.aurora.id);
    // A sale in Aurora's own account whose metadata names another store: Aurora's account can't file it there.
    const plantedForSummit = await mercadoPagoSale(demo.aurora.id, { tenant_id: demo.summit.id, payment_id: randomUUID() });

    const run = await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(run.listingFailures).toEqual([]);
    expect(run.listed).toBeGreaterThanOrEqual(8);
    expect(await issuesOf(stripeCrash.providerPaymentId!)).toMatchObject([
      {
        kind: "unknown_at_provider",
        tenantId: demo.summit.id,
        provider: "stripe",
        expected: null,
        actual: stripeCrash.amount,
        details: { paymentId: stripeCrash.id, status: "paid", currency: "USD" },
      },
    ]);
    expect(await issuesOf(mercadoPagoCrash.providerPaymentId!)).toMatchObject([
      {
        kind: "unknown_at_provider",
        tenantId: demo.aurora.id,
        provider: "mercadopago",
        actual: mercadoPagoCrash.amount,
        details: { paymentId: mercadoPagoCrash.id, status: "paid", currency: "BRL" },
      },
    ]);
    for (const reference of [unpaidPix.providerPaymentId!, sellersOwnSale, plantedForSummit, ...strangers.map((stranger) => stranger.providerPaymentId)]) {
      expect(await kindsOf(reference)).toEqual([]);
    }
    // What we do hold, Stripe's and MP's alike, is not reported as unknown.
    expect(await admin().reconciliationIssue.count({ where: { kind: "unknown_at_provider" } })).toBe(2);

    const issues = await admin().reconciliationIssue.count();
    await reconcileDay(admin(), demo.database.app, fakes.gateway, today());
    expect(await admin().reconciliationIssue.count()).toBe(issues);
  });

  it("goes on past a listing that fails: a store's MP grant revoked (recorded for that store) and Stripe's platform listing lost (logged)", async () => {
    await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.summit, SUMMIT_SELLER);
    // Listed in the order of their ids: the first one fails, the second is still listed.
    const [failing, listed] = [
      { store: demo.aurora, seller: AURORA_SELLER },
      { store: demo.summit, seller: SUMMIT_SELLER },
    ].sort((a, b) => a.store.id.localeCompare(b.store.id));
    const paymentId = randomUUID();
    const unknown = await mercadoPagoSale(listed!.store.id, { tenant_id: listed!.store.id, payment_id: paymentId });
    fakes.mercadopago.revokeSeller(failing!.seller);
    // The SDK tries three times; every answer is lost.
    for (let attempt = 0; attempt < 3; attempt++) fakes.stripe.dropNextResponse("/v1/payment_intents");

    const run = await reconcileDay(admin(), demo.database.app, fakes.gateway, today());

    expect(run.listingFailures).toMatchObject([
      { provider: "stripe", error: expect.any(String) },
      { provider: "mercadopago", tenantId: failing!.store.id, error: expect.stringMatching(/access token/) },
    ]);
    expect(await issuesOf(String(failing!.seller))).toMatchObject([
      { kind: "listing_failed", tenantId: failing!.store.id, provider: "mercadopago", expected: null, actual: null, details: { error: expect.stringMatching(/access token/) } },
    ]);
    expect(await issuesOf(unknown)).toMatchObject([
      { kind: "unknown_at_provider", tenantId: listed!.store.id, actual: 4250n, details: { paymentId, status: "paid", currency: "BRL" } },
    ]);
  });
});

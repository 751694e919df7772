import { randomUUID } from "node:crypto";
import { withTenant } from "@primestore/db";
import type { WebhookRequest } from "@primestore/payments";
import { type FakeDispute, fakeCardFee, signedEvent } from "@primestore/payments/testing/stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { payableBalance, unbalancedTransactions } from "../ledger/index.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, STRIPE_WEBHOOK_SECRET, useProviders } from "../testing/index.ts";
import { finishConnect, processWebhook, receiveWebhook, requestRefund, startConnect, usableProviders, type WebhookProvider } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;
const deps = () => ({ db: demo.database.app, adminDb: admin(), gateway: fakes.gateway });

const written = async () => ({ inbox: await admin().inboxEvent.count(), outbox: await admin().outboxEvent.count(), ledger: await admin().ledgerTransaction.count() });
const checkout = (tenant: TenantInfo, currency: string, method: "pix" | "card", fields: Record<string, string>) =>
  buyOne(demo.database.app, admin(), fakes.gateway, tenant, currency, method, fields);
/** The kinds of the ledger transactions booked under `reference`. */
const booked = async (reference: string) => (await admin().ledgerTransaction.findMany({ where: { reference } })).map((t) => t.kind).sort();
/** What the worker has yet to pick up: received and never tried (a failed try is the queue's to retry). */
const unprocessed = () => admin().inboxEvent.findMany({ where: { status: "received", attempts: 0 } });

/** Receives a delivery as the HTTP route would, and processes what it stored as the worker would. */
async function deliver(provider: WebhookProvider, request: WebhookRequest) {
  const receipt = await receiveWebhook(deps(), provider, request);
  for (const event of await unprocessed()) await processWebhook(demo.database.app, fakes.gateway, event.tenantId, event.id);
  return receipt;
}

const stripeRequest = (event: { rawBody: string; header: string }) => ({
  rawBody: event.rawBody,
  headers: new Headers({ "stripe-signature": event.header, "content-type": "application/json" }),
  url: new URL("http://localhost:3000/webhooks/stripe"),
});
const stripeEvent = (type: string, object: object, account?: string) => signedEvent(type, object, { secret: STRIPE_WEBHOOK_SECRET, ...(account ? { account } : {}) });

/** A card payment at the Stripe store, paid at checkout, with its PaymentIntent and charge as Stripe holds them. */
async function paidWithStripe() {
  const bought = await checkout(demo.summit, "USD", "card", { token: "pm_card_visa" });
  const intent = fakes.stripe.state.paymentIntents.get(bought.payment.providerPaymentId!)!;
  return { ...bought, intent, charge: fakes.stripe.state.charges.get(intent.latest_charge!)! };
}

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, 5001);
  await useProviders(admin(), demo.aurora, { pix: "mercadopago", boleto: "mercadopago", card: "mercadopago" }, ["pix", "card"]);
});

/** An event a provider may deliver any number of times, one after another or at once. */
interface Replayed {
  provider: WebhookProvider;
  /** One delivery of it (Mercado Pago's retries carry a new request id and timestamp). */
  delivery: () => WebhookRequest;
  /** How many ledger transactions applying it books. */
  books: number;
  /** Checks our records once it is applied. */
  applied: () => Promise<void>;
}

const replays: Array<[string, () => Promise<Replayed>]> = [
  [
    "Stripe's payment_intent.succeeded",
    async () => {
      const { payment, intent } = await paidWithStripe();
      const event = stripeEvent("payment_intent.succeeded", intent);
      return {
        provider: "stripe",
        delivery: () => stripeRequest(event),
        // The capture was booked at checkout; the event books the fee Stripe kept.
        books: 1,
        applied: async () => {
          expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "paid", feeAmount: BigInt(fakeCardFee(Number(payment.amount))) });
          expect(await booked(payment.id)).toEqual(["capture", "gateway_fee"]);
        },
      };
    },
  ],
  [
    "a Mercado Pago payment notification",
    async () => {
      const { placed, payment } = await checkout(demo.aurora, "BRL", "pix", {});
      fakes.mercadopago.setPaymentStatus(payment.providerPaymentId!, "approved");
      const notification = fakes.mercadopago.notification(payment.providerPaymentId!);
      return {
        provider: "mercadopago",
        delivery: () => fakes.mercadopago.redeliver(notification),
        // The PIX is captured on the event: the capture and Mercado Pago's fee.
        books: 2,
        applied: async () => {
          expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "paid", capturedAmount: payment.amount });
          expect(await admin().order.findUniqueOrThrow({ where: { id: placed.id } })).toMatchObject({ status: "paid" });
          expect(await booked(payment.id)).toEqual(["capture", "gateway_fee"]);
        },
      };
    },
  ],
  [
    "a refund made in Stripe's dashboard (charge.refunded)",
    async () => {
      const { payment, charge } = await paidWithStripe();
      await fakes.gateway.providers.stripe!.refund({ providerPaymentId: payment.providerPaymentId!, amount: 1000n, idempotencyKey: randomUUID() });
      const event = stripeEvent("charge.refunded", charge);
      return {
        provider: "stripe",
        delivery: () => stripeRequest(event),
        // The fee, and the refund.
        books: 2,
        applied: async () => {
          expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "partially_refunded", refundedAmount: 1000n });
          const refunds = await admin().refund.findMany({ where: { paymentId: payment.id } });
          expect(refunds).toMatchObject([{ amount: 1000n, status: "succeeded", requestedBy: "provider" }]);
          expect(await booked(refunds[0]!.id)).toEqual(["refund"]);
        },
      };
    },
  ],
  [
    "a dispute lost in Stripe (charge.dispute.closed)",
    async () => {
      const { payment, intent } = await paidWithStripe();
      const event = stripeEvent("charge.dispute.closed", fakes.stripe.openDispute(intent.id, { status: "lost" }));
      return {
        provider: "stripe",
        delivery: () => stripeRequest(event),
        // The fee, and the chargeback.
        books: 2,
        applied: async () => {
          expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "paid", chargedBackAmount: payment.amount });
          expect(await booked(`${payment.id}:${payment.amount}`)).toEqual(["chargeback"]);
        },
      };
    },
  ],
  [
    "Stripe's account.updated",
    async () => {
      const account = () => admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.summit.id, provider: "stripe" } });
      const { accountId } = await account();
      // Our record lags Stripe's: the seller finished onboarding since we last asked.
      await admin().paymentAccount.updateMany({ where: { tenantId: demo.summit.id, provider: "stripe" }, data: { status: "pending" } });
      const event = stripeEvent("account.updated", fakes.stripe.state.accounts.get(accountId)!, accountId);
      return {
        provider: "stripe",
        delivery: () => stripeRequest(event),
        books: 0,
        applied: async () => expect(await account()).toMatchObject({ status: "active" }),
      };
    },
  ],
];

describe("Webhook replays", () => {
  it.each(replays)("store %s once however often and however concurrently it is delivered, and apply it once", async (_event, arrange) => {
    const { provider, delivery, books, applied } = await arrange();
    const before = await written();

    const sequential: string[] = [];
    for (let i = 0; i < 10; i++) sequential.push((await receiveWebhook(deps(), provider, delivery())).outcome);
    expect(sequential).toEqual(["stored", ...Array.from({ length: 9 }, () => "duplicate")]);
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => receiveWebhook(deps(), provider, delivery())));
    expect(concurrent.every((receipt) => receipt.status === 200 && receipt.outcome === "duplicate")).toBe(true);
    expect(await written()).toEqual({ inbox: before.inbox + 1, outbox: before.outbox + 1, ledger: before.ledger });

    // Workers pick it up at once; the first applies it.
    const [stored, ...others] = await unprocessed();
    expect(others).toEqual([]);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => processWebhook(demo.database.app, fakes.gateway, stored!.tenantId, stored!.id)));
    expect(outcomes.sort()).toEqual([...Array.from({ length: 4 }, () => "already_processed"), "processed"]);
    // A retry that comes after is still the same event.
    expect(await deliver(provider, delivery())).toEqual({ status: 200, outcome: "duplicate" });
    expect(await written()).toMatchObject({ inbox: before.inbox + 1, ledger: before.ledger + books });
    await applied();
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });
});

describe("Stripe webhooks", () => {
  it("reject a flipped byte in body or signature, a stale timestamp and a missing header, writing nothing", async () => {
    const { payment } = await checkout(demo.summit, "USD", "card", { token: "pm_card_visa" });
    const object = { id: payment.providerPaymentId, object: "payment_intent", metadata: { tenantId: demo.summit.id, paymentId: payment.id } };
    const event = signedEvent("payment_intent.succeeded", object, { secret: STRIPE_WEBHOOK_SECRET });
    const flip = (text: string, at: number) => text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
    const before = await written();

    const bodyFlipped = { ...event, rawBody: flip(event.rawBody, 40) };
    const signatureFlipped = { ...event, header: flip(event.header, event.header.length - 3) };
    const stale = signedEvent("payment_intent.succeeded", object, { secret: STRIPE_WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await receiveWebhook(deps(), "stripe", stripeRequest(bodyFlipped))).toEqual({ status: 401, outcome: "bad_signature" });
    expect(await receiveWebhook(deps(), "stripe", stripeRequest(signatureFlipped))).toEqual({ status: 401, outcome: "bad_signature" });
    expect(await receiveWebhook(deps(), "stripe", stripeRequest(stale))).toEqual({ status: 401, outcome: "stale" });
    const unsigned = stripeRequest(event);
    unsigned.headers.delete("stripe-signature");
    expect(await receiveWebhook(deps(), "stripe", unsigned)).toEqual({ status: 401, outcome: "missing_signature" });
    expect(await written()).toEqual(before);
  });

  it("acknowledge and drop a verified event for a store that doesn't exist", async () => {
    const event = signedEvent("payment_intent.succeeded", { id: "pi_elsewhere", object: "payment_intent", metadata: { tenantId: randomUUID(), paymentId: randomUUID() } }, { secret: STRIPE_WEBHOOK_SECRET });
    const before = await written();
    expect(await receiveWebhook(deps(), "stripe", stripeRequest(event))).toEqual({ status: 200, outcome: "ignored" });
    expect(await written()).toEqual(before);
  });

});

describe("Stripe account webhooks", () => {
  it("keep an account that is still onboarding out of checkout until Stripe says it can take money", async () => {
    const link = new URL(await withTenant(demo.database.app, demo.aurora.id, (tx) => startConnect(tx, fakes.gateway, demo.aurora, "stripe")));
    const back = new URL(link.searchParams.get("return_url")!);
    const accountId = back.searchParams.get("accountId")!;
    // The seller left Stripe's forms unfinished.
    await withTenant(demo.database.app, demo.aurora.id, (tx) => finishConnect(tx, fakes.gateway, demo.aurora.id, "stripe", { state: back.searchParams.get("state")!, accountId }));
    const account = () => admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.aurora.id, provider: "stripe" } });
    expect(await account()).toMatchObject({ accountId, status: "pending" });
    expect(Object.keys(await withTenant(demo.database.app, demo.aurora.id, (tx) => usableProviders(tx, fakes.gateway)))).not.toContain("stripe");

    fakes.stripe.completeOnboarding(accountId);
    const updated = signedEvent("account.updated", { id: accountId, object: "account" }, { secret: STRIPE_WEBHOOK_SECRET, account: accountId });
    expect(await deliver("stripe", stripeRequest(updated))).toEqual({ status: 200, outcome: "stored" });
    expect(await account()).toMatchObject({ status: "active" });
    expect(Object.keys(await withTenant(demo.database.app, demo.aurora.id, (tx) => usableProviders(tx, fakes.gateway)))).toContain("stripe");
  });
});

describe("Mercado Pago webhooks", () => {
  it("end a refund reported before its payment in the right state: captured, then refunded", async () => {
    const { placed, payment } = await checkout(demo.aurora, "BRL", "pix", {});
    expect(payment).toMatchObject({ provider: "mercadopago", status: "pending" });
    const paidNotification = (() => {
      fakes.mercadopago.setPaymentStatus(payment.providerPaymentId!, "approved");
      return fakes.mercadopago.notification(payment.providerPaymentId!, { action: "payment.updated" });
    })();
    const account = await withTenant(demo.database.app, demo.aurora.id, (tx) => tx.paymentAccount.findFirstOrThrow());
    expect(account.credentials).not.toContain("APP_USR");
    const { connectedAccount } = await import("./accounts.ts");
    const seller = await withTenant(demo.database.app, demo.aurora.id, (tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"));
    await fakes.gateway.providers.mercadopago!.refund({ providerPaymentId: payment.providerPaymentId!, amount: 2000n, idempotencyKey: randomUUID(), account: seller });
    const refundNotification = fakes.mercadopago.notification(payment.providerPaymentId!, { action: "payment.refunded" });

    await deliver("mercadopago", refundNotification);
    await deliver("mercadopago", paidNotification);
    await deliver("mercadopago", fakes.mercadopago.redeliver(paidNotification));

    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "partially_refunded", capturedAmount: payment.amount, refundedAmount: 2000n });
    expect(await admin().order.findUniqueOrThrow({ where: { id: placed.id } })).toMatchObject({ status: "paid" });
    expect(await booked(payment.id)).toEqual(["capture", "gateway_fee"]);
    expect(await admin().ledgerTransaction.count({ where: { kind: "refund" } })).toBeGreaterThanOrEqual(1);
    expect(await admin().inventoryReservation.findMany({ where: { orderId: placed.id } })).toMatchObject([{ status: "committed" }]);
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });

  it("take the payment's state from the API, not from a forged body", async () => {
    const { payment } = await checkout(demo.aurora, "BRL", "pix", {});
    const genuine = fakes.mercadopago.notification(payment.providerPaymentId!);
    const body = JSON.parse(genuine.rawBody);
    const forged = { ...genuine, rawBody: JSON.stringify({ ...body, action: "payment.approved", data: { id: payment.providerPaymentId, status: "approved" } }) };
    await deliver("mercadopago", forged);
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "pending", capturedAmount: 0n });
  });

  it("reject a notification signed for another payment, writing nothing", async () => {
    const { payment } = await checkout(demo.aurora, "BRL", "pix", {});
    const genuine = fakes.mercadopago.notification(payment.providerPaymentId!);
    const retargeted = new URL(genuine.url);
    retargeted.searchParams.set("data.id", "999999");
    const before = await written();
    expect(await receiveWebhook(deps(), "mercadopago", { ...genuine, url: retargeted })).toEqual({ status: 401, outcome: "bad_signature" });
    expect(await written()).toEqual(before);
  });

  it("reject a flipped byte in the signature's hash, a stale ts and a missing x-signature or x-request-id, writing nothing", async () => {
    const { payment } = await checkout(demo.aurora, "BRL", "pix", {});
    fakes.mercadopago.setPaymentStatus(payment.providerPaymentId!, "approved");
    const genuine = fakes.mercadopago.notification(payment.providerPaymentId!);
    const withHeaders = (change: (headers: Headers) => void) => {
      const headers = new Headers(genuine.headers);
      change(headers);
      return { ...genuine, headers };
    };
    const signature = genuine.headers.get("x-signature")!;
    const hash = Buffer.from(/v1=([0-9a-f]{64})/.exec(signature)![1]!, "hex");
    hash[7]! ^= 1;
    const flipped = withHeaders((headers) => headers.set("x-signature", signature.replace(/v1=[0-9a-f]{64}/, `v1=${hash.toString("hex")}`)));
    const stale = fakes.mercadopago.redeliver(genuine, { ts: String(Math.floor(Date.now() / 1000) - 3600) });
    const before = await written();

    expect(await receiveWebhook(deps(), "mercadopago", flipped)).toEqual({ status: 401, outcome: "bad_signature" });
    expect(await receiveWebhook(deps(), "mercadopago", stale)).toEqual({ status: 401, outcome: "stale" });
    expect(await receiveWebhook(deps(), "mercadopago", withHeaders((headers) => headers.delete("x-signature")))).toEqual({ status: 401, outcome: "missing_signature" });
    // The request id is signed: without it the manifest differs.
    expect(await receiveWebhook(deps(), "mercadopago", withHeaders((headers) => headers.delete("x-request-id")))).toEqual({ status: 401, outcome: "bad_signature" });
    expect(await written()).toEqual(before);
    expect(await deliver("mercadopago", genuine)).toEqual({ status: 200, outcome: "stored" });
  });

  it("can't touch another store's payment: a notification re-aimed at another store reads nothing there", async () => {
    await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.summit, 5002);
    const { payment } = await checkout(demo.aurora, "BRL", "pix", {});
    fakes.mercadopago.setPaymentStatus(payment.providerPaymentId!, "approved");
    const genuine = fakes.mercadopago.notification(payment.providerPaymentId!);
    // `tenant` is ours, outside what Mercado Pago signs: a replay may change it.
    const misdirected = new URL(genuine.url);
    misdirected.searchParams.set("tenant", demo.summit.id);
    expect((await receiveWebhook(deps(), "mercadopago", { ...genuine, url: misdirected })).status).toBe(200);
    const stored = await admin().inboxEvent.findFirstOrThrow({ where: { tenantId: demo.summit.id, status: "received" } });
    await expect(processWebhook(demo.database.app, fakes.gateway, demo.summit.id, stored.id)).rejects.toThrow();
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "pending" });
    expect(await admin().payment.count({ where: { tenantId: demo.summit.id, provider: "mercadopago" } })).toBe(0);
  });
});

type Bought = Awaited<ReturnType<typeof checkout>>;

/** A captured payment, its capture and fee booked, that the cardholder's bank is about to dispute at its provider. */
interface Disputed extends Bought {
  provider: WebhookProvider;
  tenant: TenantInfo;
  currency: string;
  /** The dispute opens: what the provider sends. */
  open: () => WebhookRequest;
  /** The store loses it: what the provider sends (a new event each call). */
  lose: () => WebhookRequest;
}

const disputes: Array<[string, () => Promise<Disputed>]> = [
  [
    "Mercado Pago (in_mediation, then charged_back)",
    async () => {
      const bought = await checkout(demo.aurora, "BRL", "pix", {});
      const reported = (status: string) => {
        fakes.mercadopago.setPaymentStatus(bought.payment.providerPaymentId!, status);
        return fakes.mercadopago.notification(bought.payment.providerPaymentId!);
      };
      await deliver("mercadopago", reported("approved"));
      return { ...bought, provider: "mercadopago", tenant: demo.aurora, currency: "BRL", open: () => reported("in_mediation"), lose: () => reported("charged_back") };
    },
  ],
  [
    "Stripe (charge.dispute.created, then charge.dispute.closed lost)",
    async () => {
      const { intent, ...bought } = await paidWithStripe();
      await deliver("stripe", stripeRequest(stripeEvent("payment_intent.succeeded", intent)));
      let dispute: FakeDispute | undefined;
      return {
        ...bought,
        provider: "stripe",
        tenant: demo.summit,
        currency: "USD",
        open: () => stripeRequest(stripeEvent("charge.dispute.created", (dispute = fakes.stripe.openDispute(intent.id, { status: "needs_response" })))),
        lose: () => stripeRequest(stripeEvent("charge.dispute.closed", fakes.stripe.closeDispute(dispute!.id, "lost"))),
      };
    },
  ],
];

describe("Lost disputes", () => {
  it.each(disputes)("at %s: book one chargeback against the store's payable, however often the loss is reported", async (_provider, arrange) => {
    const { provider, tenant, currency, placed, payment, open, lose } = await arrange();
    const payable = () => withTenant(demo.database.app, tenant.id, (tx) => payableBalance(tx, tenant.id, currency));
    const before = { ...(await written()), payable: await payable() };

    await deliver(provider, open());
    // An open dispute takes nothing yet.
    expect(await written()).toMatchObject({ ledger: before.ledger });
    expect(await payable()).toBe(before.payable);
    const lost = lose();
    await deliver(provider, lost);
    await deliver(provider, lost);
    await deliver(provider, lose());

    const chargebacks = await admin().ledgerTransaction.findMany({ where: { tenantId: tenant.id, kind: "chargeback", reference: { startsWith: payment.id } } });
    expect(chargebacks).toMatchObject([{ reference: `${payment.id}:${payment.amount}` }]);
    expect(await written()).toMatchObject({ ledger: before.ledger + 1 });
    expect(await payable()).toBe(before.payable - payment.amount);
    // The payment was paid and stays so; what the bank took back is recorded, and is no longer the store's to refund.
    expect(await admin().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "paid", capturedAmount: payment.amount, chargedBackAmount: payment.amount });
    expect(await admin().order.findUniqueOrThrow({ where: { id: placed.id } })).toMatchObject({ status: "paid" });
    await expect(requestRefund(demo.database.app, fakes.gateway, tenant.id, { paymentId: payment.id, amount: 1n, requestedBy: "seller-1", idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: "REFUND_EXCEEDS_CAPTURED",
    });
    expect(await unbalancedTransactions(admin())).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CreatePaymentInput, WebhookVerificationError } from "../provider.ts";
import { paymentIntentOutcome } from "./payment-intent-outcome.ts";
import { payoutResult } from "./stripe-payouts.ts";
import { createStripePaymentProvider, type StripeProviderConfig } from "./stripe-provider.ts";
import { type FakeStripe, fakeCardFee, signedEvent, startFakeStripe } from "./testing/fake-stripe.ts";

const WEBHOOK_SECRET = "whsec_test_0123456789";

let fake: FakeStripe;
beforeEach(async () => {
  fake = await startFakeStripe();
});
afterEach(() => fake.close());

const stripeProvider = (config: Partial<StripeProviderConfig> = {}) =>
  createStripePaymentProvider({ secretKey: "sk_test_primestore", webhookSecret: WEBHOOK_SECRET, host: "127.0.0.1", port: fake.port, protocol: "http", ...config });

const cardPayment = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  idempotencyKey: `pay_${randomUUID()}`,
  tenantId: "tenant_1",
  paymentId: "payment_1",
  amount: 18990n,
  currency: "BRL",
  method: "card",
  installments: 1,
  payerEmail: "ana@example.com",
  description: "Loja da Ana #1042",
  fields: { token: "pm_card_visa" },
  ...overrides,
});

/** What the fake's Stripe.js sends for the card typed into the Payment Element: a ConfirmationToken's id. */
async function confirmationToken(number: string): Promise<string> {
  const response = await fetch(`${fake.url}/v1/confirmation_tokens`, {
    method: "POST",
    headers: { authorization: "Bearer pk_test_primestore", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      "payment_method_data[type]": "card",
      "payment_method_data[card][number]": number,
      "payment_method_data[card][exp_month]": "12",
      "payment_method_data[card][exp_year]": String(new Date().getUTCFullYear() + 2),
      "payment_method_data[card][cvc]": "123",
    }),
  });
  const body = (await response.json()) as { id?: string; error?: { code: string } };
  if (!body.id) throw new Error(`No confirmation token: ${body.error?.code}`);
  return body.id;
}

/** The shopper's click on the fake's 3-D Secure challenge, as its Stripe.js handleNextAction sends it. */
async function answerChallenge(payment: { providerPaymentId: string; details: Record<string, unknown> }, outcome: "complete" | "fail"): Promise<number> {
  const response = await fetch(`${fake.url}/v1/payment_intents/${payment.providerPaymentId}/authenticate`, {
    method: "POST",
    headers: { authorization: "Bearer pk_test_primestore", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_secret: String(payment.details.clientSecret), outcome }),
  });
  return response.status;
}

const posts = (path: string) => fake.requests.filter((request) => request.method === "POST" && request.path === path);
const onlyIntent = () => {
  expect(fake.state.paymentIntents.size).toBe(1);
  return [...fake.state.paymentIntents.values()][0]!;
};

describe("Stripe createPayment", () => {
  it("charges pm_card_visa as paid, in minor units, lowercased currency, with our ids as metadata and our key", async () => {
    const input = cardPayment();
    const result = await stripeProvider().createPayment(input);

    expect(result).toEqual({ providerPaymentId: onlyIntent().id, status: "paid", details: {} });
    const [sent] = posts("/v1/payment_intents");
    expect(sent?.params).toMatchObject({
      amount: "18990",
      currency: "brl",
      confirm: "true",
      payment_method: "pm_card_visa",
      allowed_payment_method_types: ["card"],
      metadata: { tenantId: "tenant_1", paymentId: "payment_1" },
    });
    expect(sent?.idempotencyKey).toBe(input.idempotencyKey);
    expect(fake.state.charges.size).toBe(1);
  });

  it("fails a declined card with the decline code Stripe gives", async () => {
    const provider = stripeProvider();
    const generic = await provider.createPayment(cardPayment({ fields: { token: "pm_card_chargeDeclined" } }));
    const funds = await provider.createPayment(cardPayment({ fields: { token: "pm_card_chargeDeclinedInsufficientFunds" } }));

    expect(generic).toMatchObject({ status: "failed", failureCode: "generic_decline", details: {} });
    expect(funds).toMatchObject({ status: "failed", failureCode: "insufficient_funds" });
    expect(fake.state.paymentIntents.get(generic.providerPaymentId)?.status).toBe("requires_payment_method");
  });

  it("leaves a card that needs 3-D Secure pending, with only the client secret for Stripe.js", async () => {
    const result = await stripeProvider().createPayment(cardPayment({ fields: { token: "pm_card_authenticationRequired" } }));

    expect(result).toEqual({ providerPaymentId: onlyIntent().id, status: "pending", details: { clientSecret: onlyIntent().client_secret } });
  });

  it("without a payment method creates an unconfirmed intent for Stripe.js to confirm", async () => {
    const result = await stripeProvider().createPayment(cardPayment({ fields: {} }));

    expect(result).toMatchObject({ status: "pending", details: { clientSecret: onlyIntent().client_secret } });
    expect(posts("/v1/payment_intents")[0]?.params.confirm).toBeUndefined();
  });

  it("confirms with the ConfirmationToken Stripe.js made of the typed card, which confirms only once", async () => {
    const token = await confirmationToken("4242 4242 4242 4242");
    const input = cardPayment({ fields: { token } });
    expect(await stripeProvider().createPayment(input)).toMatchObject({ status: "paid" });
    expect(posts("/v1/payment_intents")[0]?.params).toMatchObject({ confirmation_token: token, confirm: "true", use_stripe_sdk: "true" });
    expect(posts("/v1/payment_intents")[0]?.params.payment_method).toBeUndefined();
    await expect(stripeProvider().createPayment(cardPayment({ fields: { token } }))).rejects.toMatchObject({ code: "confirmation_token_already_used" });
  });

  it("settles a 3-D Secure card by the shopper's answer to the challenge, read back with getPayment", async () => {
    const provider = stripeProvider();
    const completed = await provider.createPayment(cardPayment({ fields: { token: await confirmationToken("4000002500003155") } }));
    const failed = await provider.createPayment(cardPayment({ fields: { token: await confirmationToken("4000002500003155") } }));
    expect(completed).toMatchObject({ status: "pending", details: { clientSecret: expect.stringContaining("_secret_") } });

    expect(await answerChallenge(completed, "complete")).toBe(200);
    expect(await answerChallenge(failed, "fail")).toBe(200);
    expect(await provider.getPayment(completed.providerPaymentId)).toMatchObject({ status: "paid", amount: 18990n });
    expect(await provider.getPayment(failed.providerPaymentId)).toMatchObject({ status: "failed" });
    // Answered once: the challenge is gone.
    expect(await answerChallenge(completed, "complete")).toBe(400);
  });

  it("refuses a card number Stripe doesn't know, and a secret key where Stripe.js sends the publishable one", async () => {
    await expect(confirmationToken("4242 4242 4242 4241")).rejects.toThrow(/incorrect_number/);
    const withSecretKey = await fetch(`${fake.url}/v1/confirmation_tokens`, { method: "POST", headers: { authorization: "Bearer sk_test_primestore" } });
    expect(withSecretKey.status).toBe(401);
  });

  it("shows the Payment Element with a publishable key, test cards only without one, and refuses mixed modes", () => {
    expect(stripeProvider({ publishableKey: "pk_test_primestore", jsUrl: fake.jsUrl }).cardForm?.(undefined)).toEqual({
      provider: "stripe",
      scriptUrl: fake.jsUrl,
      publicKey: "pk_test_primestore",
    });
    expect(stripeProvider({ publishableKey: "pk_test_primestore" }).sandboxCards).toBeUndefined();
    expect(stripeProvider().cardForm?.(undefined)).toBeUndefined();
    expect(stripeProvider().sandboxCards?.length).toBeGreaterThan(0);
    expect(() => stripeProvider({ publishableKey: "pk_live_primestore" })).toThrow(/test keys or both be live/);
  });

  it("reads the statuses a create can't reach in the fake", () => {
    const outcome = (fields: Partial<Stripe.PaymentIntent>) => paymentIntentOutcome({ last_payment_error: null, ...fields } as Stripe.PaymentIntent);
    expect(outcome({ status: "requires_capture" })).toEqual({ status: "authorized", awaitsShopper: false });
    expect(outcome({ status: "processing" })).toEqual({ status: "pending", awaitsShopper: false });
    expect(outcome({ status: "canceled", cancellation_reason: "abandoned" })).toEqual({ status: "failed", failureCode: "abandoned", awaitsShopper: false });
  });

  it("refuses an amount a JavaScript number can't hold exactly, without calling Stripe", async () => {
    await expect(stripeProvider().createPayment(cardPayment({ amount: 2n ** 53n + 1n }))).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });

  it("sends a destination split as transfer_data and application_fee_amount", async () => {
    const seller = fake.createConnectedAccount();
    await stripeProvider().createPayment(cardPayment({ split: { kind: "destination", account: { accountId: seller }, applicationFee: 1899n } }));

    expect(posts("/v1/payment_intents")[0]?.params).toMatchObject({ transfer_data: { destination: seller }, application_fee_amount: "1899" });
    const [transfer] = fake.state.transfers.values();
    expect(transfer).toMatchObject({ destination: seller, amount: 18990 });
    expect([...fake.state.applicationFees.values()]).toMatchObject([{ account: seller, amount: 1899, amount_refunded: 0 }]);
  });

  it("tags a transfers split with its group; transferFunds then moves each share from the charge, once", async () => {
    const [first, second] = [fake.createConnectedAccount(), fake.createConnectedAccount()];
    const provider = stripeProvider();
    const split = {
      kind: "transfers" as const,
      group: "order_1042",
      transfers: [
        { account: { accountId: first }, amount: 10000n },
        { account: { accountId: second }, amount: 5000n },
      ],
    };
    const payment = await provider.createPayment(cardPayment({ split }));
    expect(posts("/v1/payment_intents")[0]?.params.transfer_group).toBe("order_1042");
    expect(fake.state.transfers.size).toBe(0);

    const transfers = await provider.transferFunds({ providerPaymentId: payment.providerPaymentId, split, idempotencyKey: "settle_1042" });
    const again = await provider.transferFunds({ providerPaymentId: payment.providerPaymentId, split, idempotencyKey: "settle_1042" });

    expect(again).toEqual(transfers);
    expect(transfers.map(({ accountId, amount }) => ({ accountId, amount }))).toEqual([
      { accountId: first, amount: 10000n },
      { accountId: second, amount: 5000n },
    ]);
    const chargeId = onlyIntent().latest_charge;
    expect([...fake.state.transfers.values()].map((transfer) => [transfer.source_transaction, transfer.transfer_group, transfer.amount])).toEqual([
      [chargeId, "order_1042", 10000],
      [chargeId, "order_1042", 5000],
    ]);
    expect(posts("/v1/transfers").map((request) => request.idempotencyKey)).toEqual(["settle_1042:0", "settle_1042:1", "settle_1042:0", "settle_1042:1"]);
  });

  it("refuses a transfers split whose shares exceed the payment", async () => {
    const split = { kind: "transfers" as const, group: "g", transfers: [{ account: { accountId: "acct_x" }, amount: 20000n }] };
    await expect(stripeProvider().createPayment(cardPayment({ split }))).rejects.toThrow(/exceed/);
  });

  it("answers a repeated key with the same payment and no second charge; other parameters under it are refused", async () => {
    const provider = stripeProvider();
    const input = cardPayment();
    const first = await provider.createPayment(input);
    const again = await provider.createPayment(input);

    expect(again).toEqual(first);
    expect(posts("/v1/payment_intents").map((request) => request.replayed)).toEqual([false, true]);
    await expect(provider.createPayment({ ...input, amount: 100n })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(fake.state.charges.size).toBe(1);
  });

  it("sends our idempotency key on every create, never one the SDK made up", async () => {
    const seller = fake.createConnectedAccount();
    fake.creditBalance(seller, "brl", 500);
    const provider = stripeProvider();
    const payment = await provider.createPayment(cardPayment({ idempotencyKey: "pay_k" }));
    await provider.refund({ providerPaymentId: payment.providerPaymentId, amount: 100n, idempotencyKey: "refund_k" });
    await provider.payout({ account: { accountId: seller }, amount: 500n, currency: "BRL", idempotencyKey: "payout_k", requestedAt: new Date() });
    await provider.connectUrl({ state: "state_k", returnUrl: "https://admin.primestore.test/connect/stripe" });

    const keys = Object.fromEntries(fake.requests.filter((request) => request.method === "POST").map((request) => [request.path, request.idempotencyKey]));
    expect(keys).toEqual({
      "/v1/payment_intents": "pay_k",
      "/v1/refunds": "refund_k",
      "/v1/payouts": "payout_k",
      "/v1/accounts": "connect-account:state_k",
      "/v1/account_links": expect.stringMatching(/^connect-link:state_k:acct_/),
    });
  });
});

describe("Stripe createPayment when the answer is lost after Stripe charged", () => {
  it("the SDK's retry under the same key gets the stored payment: one charge", async () => {
    fake.dropNextResponse("/v1/payment_intents");
    const result = await stripeProvider({ maxNetworkRetries: 1 }).createPayment(cardPayment({ idempotencyKey: "pay_dropped" }));

    expect(result).toMatchObject({ providerPaymentId: onlyIntent().id, status: "paid" });
    expect(posts("/v1/payment_intents").map(({ idempotencyKey, dropped, replayed }) => ({ idempotencyKey, dropped, replayed }))).toEqual([
      { idempotencyKey: "pay_dropped", dropped: true, replayed: false },
      { idempotencyKey: "pay_dropped", dropped: false, replayed: true },
    ]);
    expect(fake.state.charges.size).toBe(1);
  });

  it("when the SDK gives up, our retry with the same key still finds the one charge", async () => {
    // The SDK retries a closed connection once even with retries off: drop both attempts.
    fake.dropNextResponse("/v1/payment_intents");
    fake.dropNextResponse("/v1/payment_intents");
    const provider = stripeProvider({ maxNetworkRetries: 0 });
    const input = cardPayment();

    await expect(provider.createPayment(input)).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    const retried = await provider.createPayment(input);

    expect(retried).toMatchObject({ providerPaymentId: onlyIntent().id, status: "paid" });
    expect(posts("/v1/payment_intents")).toHaveLength(3);
    expect(fake.state.charges.size).toBe(1);
  });
});

describe("Stripe getPayment", () => {
  it("after a partial refund shows the refund, the fee and our ids", async () => {
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment());
    const refund = await provider.refund({ providerPaymentId, amount: 5000n, idempotencyKey: "refund_1" });

    expect(await provider.getPayment(providerPaymentId)).toEqual({
      providerPaymentId,
      status: "paid",
      amount: 18990n,
      currency: "BRL",
      fee: BigInt(fakeCardFee(18990)),
      refunds: [{ providerRefundId: refund.providerRefundId, amount: 5000n, status: "succeeded" }],
      tenantId: "tenant_1",
      paymentId: "payment_1",
    });
    // A platform charge has no transfer to take back.
    expect(posts("/v1/refunds")[0]?.params.reverse_transfer).toBeUndefined();
  });

  it("reads a fully refunded payment as refunded, paging past the ten refunds a charge includes", async () => {
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment({ amount: 1200n }));
    for (let i = 0; i < 12; i++) await provider.refund({ providerPaymentId, amount: 100n, idempotencyKey: `refund_${i}` });

    const snapshot = await provider.getPayment(providerPaymentId);
    expect(snapshot.status).toBe("refunded");
    expect(snapshot.refunds).toHaveLength(12);
    expect(new Set(snapshot.refunds.map((refund) => refund.providerRefundId)).size).toBe(12);
  });

  it("counts a lost dispute as charged back", async () => {
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment());
    fake.openDispute(providerPaymentId, { status: "lost" });

    expect(await provider.getPayment(providerPaymentId)).toMatchObject({ status: "paid", chargedBack: 18990n });
  });

  it("reads a declined payment as failed, with no fee", async () => {
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment({ fields: { token: "pm_card_chargeDeclined" } }));

    expect(await provider.getPayment(providerPaymentId)).toMatchObject({ status: "failed", fee: undefined, refunds: [] });
  });
});

describe("Stripe listPayments", () => {
  const gets = () => fake.requests.filter((request) => request.method === "GET" && request.path === "/v1/payment_intents");

  it("lists the platform's intents created in the range, past a page of 100, with our ids, statuses and amounts", async () => {
    const provider = stripeProvider();
    const ours = [];
    for (let i = 0; i < 101; i++) ours.push(await provider.createPayment(cardPayment({ paymentId: `payment_${i}` })));
    const declined = await provider.createPayment(cardPayment({ paymentId: "declined", fields: { token: "pm_card_chargeDeclined" } }));
    const notOurs = await provider.createPayment(cardPayment({ tenantId: undefined, paymentId: undefined, amount: 500n }));
    await provider.refund({ providerPaymentId: ours[0]!.providerPaymentId, amount: 18990n, idempotencyKey: "refund_all" });
    // Made the day before: outside the range.
    fake.state.paymentIntents.get(ours[1]!.providerPaymentId)!.created -= 86_400;
    const from = new Date(Date.now() - 3600_000);
    const to = new Date(Date.now() + 3600_000);

    const listed = await provider.listPayments!({ from, to });

    expect(listed).toHaveLength(102);
    const byId = new Map(listed.map((payment) => [payment.providerPaymentId, payment]));
    expect(byId.has(ours[1]!.providerPaymentId)).toBe(false);
    expect(byId.get(ours[2]!.providerPaymentId)).toEqual({
      providerPaymentId: ours[2]!.providerPaymentId,
      status: "paid",
      amount: 18990n,
      currency: "BRL",
      tenantId: "tenant_1",
      paymentId: "payment_2",
      created: new Date(fake.state.paymentIntents.get(ours[2]!.providerPaymentId)!.created * 1000),
    });
    expect(byId.get(ours[0]!.providerPaymentId)?.status).toBe("refunded");
    expect(byId.get(declined.providerPaymentId)?.status).toBe("failed");
    expect(byId.get(notOurs.providerPaymentId)).toMatchObject({ amount: 500n, tenantId: undefined, paymentId: undefined });
    const [first, second] = gets();
    expect(first?.params).toEqual({
      created: { gte: String(Math.floor(from.getTime() / 1000)), lt: String(Math.floor(to.getTime() / 1000)) },
      limit: "100",
      expand: ["data.latest_charge"],
    });
    expect(second?.params.starting_after).toBe(listed[99]?.providerPaymentId);
    expect(gets()).toHaveLength(2);
  });

  it("lists nothing for a range without payments, in one request", async () => {
    const provider = stripeProvider();
    await provider.createPayment(cardPayment());
    const dayBefore = new Date(Date.now() - 86_400_000);
    expect(await provider.listPayments!({ from: new Date(dayBefore.getTime() - 86_400_000), to: dayBefore })).toEqual([]);
    expect(gets()).toHaveLength(1);
  });
});

describe("Stripe refund", () => {
  it("rejects a refund over what is left of the capture, and refunds nothing for it", async () => {
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment());
    await provider.refund({ providerPaymentId, amount: 10000n, idempotencyKey: "refund_a" });

    await expect(provider.refund({ providerPaymentId, amount: 9000n, idempotencyKey: "refund_b" })).rejects.toMatchObject({ code: "amount_too_large" });
    await provider.refund({ providerPaymentId, amount: 8990n, idempotencyKey: "refund_c" });
    await expect(provider.refund({ providerPaymentId, amount: 1n, idempotencyKey: "refund_d" })).rejects.toMatchObject({ code: "charge_already_refunded" });
    expect([...fake.state.refunds.values()].map((refund) => refund.amount)).toEqual([10000, 8990]);
  });

  it("takes a destination charge's share back from the seller", async () => {
    const seller = fake.createConnectedAccount();
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment({ split: { kind: "destination", account: { accountId: seller }, applicationFee: 1990n } }));
    await provider.refund({ providerPaymentId, amount: 18990n, idempotencyKey: "refund_all", returnCommission: false });

    expect(posts("/v1/refunds")[0]?.params).toMatchObject({ payment_intent: providerPaymentId, amount: "18990", reverse_transfer: "true", refund_application_fee: "false" });
    expect([...fake.state.transfers.values()][0]).toMatchObject({ amount: 18990, amount_reversed: 18990, reversed: true });
    expect([...fake.state.applicationFees.values()][0]).toMatchObject({ amount: 1990, amount_refunded: 0 });
  });

  it("gives the seller our application fee back in proportion when the store's policy returns commission", async () => {
    const seller = fake.createConnectedAccount();
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment({ split: { kind: "destination", account: { accountId: seller }, applicationFee: 1990n } }));
    await provider.refund({ providerPaymentId, amount: 9495n, idempotencyKey: "refund_half", returnCommission: true });

    expect(posts("/v1/refunds")[0]?.params).toMatchObject({ reverse_transfer: "true", refund_application_fee: "true" });
    expect([...fake.state.applicationFees.values()][0]).toMatchObject({ amount: 1990, amount_refunded: 995 });
  });
});

describe("Stripe parseWebhook", () => {
  const delivery = (rawBody: string, header?: string, now?: Date) => ({
    rawBody,
    headers: new Headers(header === undefined ? {} : { "stripe-signature": header }),
    url: new URL("https://api.primestore.test/webhooks/stripe"),
    ...(now ? { now } : {}),
  });
  const flipByte = (text: string, index: number) => text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ 1) + text.slice(index + 1);
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof WebhookVerificationError) return error.reason;
      throw error;
    }
    throw new Error("the webhook was accepted");
  };

  async function paidIntent() {
    const { providerPaymentId } = await stripeProvider().createPayment(cardPayment());
    return fake.state.paymentIntents.get(providerPaymentId)!;
  }

  it("parses a genuine event into what to refetch, and a replay into the same event id", async () => {
    const intent = await paidIntent();
    const { event, rawBody, header } = signedEvent("payment_intent.succeeded", intent, { secret: WEBHOOK_SECRET });
    const provider = stripeProvider();

    const notification = provider.parseWebhook(delivery(rawBody, header));
    expect(notification).toEqual({ eventId: event.id, type: "payment_intent.succeeded", providerPaymentId: intent.id, tenantId: "tenant_1", paymentId: "payment_1" });
    expect(provider.parseWebhook(delivery(rawBody, header)).eventId).toBe(event.id);
  });

  it("finds the PaymentIntent of charge, refund and dispute events, and the account of Connect events", async () => {
    const intent = await paidIntent();
    const charge = fake.state.charges.get(intent.latest_charge!)!;
    const dispute = fake.openDispute(intent.id, { status: "needs_response" });
    const parse = (type: string, object: object, account?: string) => {
      const { rawBody, header } = signedEvent(type, object, { secret: WEBHOOK_SECRET, ...(account ? { account } : {}) });
      return stripeProvider().parseWebhook(delivery(rawBody, header));
    };

    expect(parse("charge.refunded", charge)).toMatchObject({ providerPaymentId: intent.id, tenantId: "tenant_1" });
    expect(parse("charge.dispute.created", dispute)).toMatchObject({ providerPaymentId: intent.id, tenantId: undefined });
    expect(parse("account.updated", fake.state.accounts.get(fake.createConnectedAccount())!, "acct_seller")).toMatchObject({
      type: "account.updated",
      providerPaymentId: undefined,
      accountId: "acct_seller",
    });
  });

  it("rejects a flipped byte in the body or in the signature as a bad signature", async () => {
    const { rawBody, header } = signedEvent("payment_intent.succeeded", await paidIntent(), { secret: WEBHOOK_SECRET });
    const provider = stripeProvider();

    expect(reason(() => provider.parseWebhook(delivery(flipByte(rawBody, rawBody.indexOf("18990") + 2), header)))).toBe("bad_signature");
    expect(reason(() => provider.parseWebhook(delivery(rawBody, flipByte(header, header.length - 1))))).toBe("bad_signature");
    expect(reason(() => provider.parseWebhook(delivery(rawBody, "t=123")))).toBe("bad_signature");
  });

  it("rejects a genuine event signed outside the tolerance as stale", async () => {
    const intent = await paidIntent();
    const old = signedEvent("payment_intent.succeeded", intent, { secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 301 });
    const fresh = signedEvent("payment_intent.succeeded", intent, { secret: WEBHOOK_SECRET });
    const provider = stripeProvider();

    expect(reason(() => provider.parseWebhook(delivery(old.rawBody, old.header)))).toBe("stale");
    expect(reason(() => provider.parseWebhook(delivery(fresh.rawBody, fresh.header, new Date(Date.now() + 3_600_000))))).toBe("stale");
    expect(stripeProvider({ toleranceSeconds: 600 }).parseWebhook(delivery(old.rawBody, old.header)).eventId).toBe(old.event.id);
  });

  it("rejects a delivery without Stripe-Signature as missing_signature", () => {
    expect(reason(() => stripeProvider().parseWebhook(delivery("{}")))).toBe("missing_signature");
  });

  it("rejects a signed body that is not an event as malformed", () => {
    const sign = (payload: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const provider = stripeProvider();

    expect(reason(() => provider.parseWebhook(delivery("not json", sign("not json"))))).toBe("malformed");
    const typeless = JSON.stringify({ id: "evt_1", data: { object: { object: "payment_intent", id: "pi_1" } } });
    expect(reason(() => provider.parseWebhook(delivery(typeless, sign(typeless))))).toBe("malformed");
  });

  it("refuses a configuration that would switch verification off", () => {
    expect(() => stripeProvider({ webhookSecret: " " })).toThrow(/secret/);
    expect(() => stripeProvider({ toleranceSeconds: 0 })).toThrow(RangeError);
  });
});

describe("Stripe Connect", () => {
  const returnUrl = "https://admin.primestore.test/settings/payments/stripe";

  it("plays the hosted onboarding for browsers: the account is enabled and the seller sent back", async () => {
    const link = await stripeProvider().connectUrl({ state: "state_web", returnUrl });
    const page = await fetch(link, { redirect: "manual" });
    expect(page.status).toBe(302);
    const back = new URL(page.headers.get("location")!);
    expect(back.searchParams.get("state")).toBe("state_web");
    expect(fake.state.accounts.get(back.searchParams.get("accountId")!)).toMatchObject({ details_submitted: true, payouts_enabled: true });
  });

  it("onboards a new Express account requesting transfers, with manual payouts, and completes with the account it returns to", async () => {
    const provider = stripeProvider({ connectReturnUrl: "https://admin.primestore.test/settings/payments/stripe/expired" });
    const link = new URL(await provider.connectUrl({ state: "state_1", returnUrl }));

    const account = [...fake.state.accounts.values()][0]!;
    expect(posts("/v1/accounts")[0]?.params).toEqual({
      type: "express",
      capabilities: { transfers: { requested: "true" } },
      // Our payouts pay the account's balance out; Stripe's automatic ones would race them for it.
      settings: { payouts: { schedule: { interval: "manual" } } },
    });
    expect(account.settings.payouts.schedule.interval).toBe("manual");
    expect(posts("/v1/account_links")[0]?.params).toMatchObject({ account: account.id, type: "account_onboarding" });
    const back = new URL(link.searchParams.get("return_url")!);
    expect(`${back.origin}${back.pathname}`).toBe(returnUrl);
    expect(Object.fromEntries(back.searchParams)).toEqual({ state: "state_1", accountId: account.id });
    expect(new URL(link.searchParams.get("refresh_url")!).pathname).toBe("/settings/payments/stripe/expired");

    // Unfinished onboarding still returns the account, so the next visit resumes it, but not ready.
    expect(await provider.completeConnect({ accountId: back.searchParams.get("accountId")!, returnUrl })).toEqual({ accountId: account.id, ready: false });
    expect(await provider.accountReady!(account.id)).toBe(false);
    fake.completeOnboarding(account.id);
    expect(await provider.completeConnect({ accountId: account.id, returnUrl })).toEqual({ accountId: account.id, ready: true });
    expect(await provider.accountReady!(account.id)).toBe(true);
    expect(posts(`/v1/accounts/${account.id}`)).toEqual([]);
  });

  it("switches an account still on Stripe's automatic payouts to manual ones when it completes", async () => {
    const older = fake.createConnectedAccount();
    fake.state.accounts.get(older)!.settings.payouts.schedule.interval = "daily";
    expect(await stripeProvider().completeConnect({ accountId: older, returnUrl })).toEqual({ accountId: older, ready: true });

    expect(posts(`/v1/accounts/${older}`).map((request) => request.params)).toEqual([{ settings: { payouts: { schedule: { interval: "manual" } } } }]);
    expect(fake.state.accounts.get(older)!.settings.payouts.schedule.interval).toBe("manual");
  });

  it("resumes a stored account, and makes one account for a double click", async () => {
    const provider = stripeProvider();
    await provider.connectUrl({ state: "state_2", returnUrl });
    await provider.connectUrl({ state: "state_2", returnUrl });
    expect(fake.state.accounts.size).toBe(1);

    const [stored] = fake.state.accounts.keys();
    await provider.connectUrl({ state: "state_3", returnUrl, account: { accountId: stored! } });
    expect(posts("/v1/accounts")).toHaveLength(2);
    expect(fake.state.accounts.size).toBe(1);
  });

  it("refuses to complete with an account Stripe doesn't know", async () => {
    await expect(stripeProvider().completeConnect({ accountId: "acct_unknown", returnUrl })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it("keeps credentials as they are: connected accounts have no token to refresh", async () => {
    const credentials = { accountId: "acct_1" };
    expect(await stripeProvider().refreshCredentials(credentials)).toBe(credentials);
  });
});

describe("Stripe payout", () => {
  const payoutInput = (accountId: string, overrides: { amount?: bigint; currency?: string; idempotencyKey?: string; requestedAt?: Date } = {}) => ({
    account: { accountId },
    amount: 45000n,
    currency: "BRL",
    idempotencyKey: "payout_1",
    requestedAt: new Date(),
    ...overrides,
  });
  const fundedSeller = (amount = 50000) => {
    const seller = fake.createConnectedAccount();
    fake.creditBalance(seller, "brl", amount);
    return seller;
  };
  const payoutsOf = (accountId: string) => [...fake.state.payouts.values()].filter((payout) => payout.account === accountId);

  it("is a Stripe Payout on the store's connected account, keyed by our payout id, from that account's balance", async () => {
    const seller = fundedSeller();
    const result = await stripeProvider().payout(payoutInput(seller));

    const [payout] = payoutsOf(seller);
    expect(result).toEqual({ providerPayoutId: payout!.id, status: "paid" });
    expect(payout).toMatchObject({ amount: 45000, currency: "brl", status: "paid", metadata: { payoutId: "payout_1" } });
    const [sent] = posts("/v1/payouts");
    expect(sent).toMatchObject({ stripeAccount: seller, idempotencyKey: "payout_1", status: 200 });
    expect(sent?.params).toEqual({ amount: "45000", currency: "brl", metadata: { payoutId: "payout_1" } });
    // Not a transfer from the platform: the store's share already reached its balance with each charge.
    expect(posts("/v1/transfers")).toEqual([]);
    expect(fake.state.transfers.size).toBe(0);
    expect(fake.balanceOf(seller, "BRL")).toBe(5000);
  });

  it("makes one payout for a key however often it is asked, debiting the balance once", async () => {
    const seller = fundedSeller();
    const provider = stripeProvider();
    const first = await provider.payout(payoutInput(seller));
    const again = await provider.payout(payoutInput(seller));

    expect(again).toEqual(first);
    expect(posts("/v1/payouts").map(({ replayed }) => replayed)).toEqual([false, true]);
    expect(payoutsOf(seller)).toHaveLength(1);
    expect(fake.balanceOf(seller, "brl")).toBe(5000);
  });

  const payoutLookups = () => fake.requests.filter((request) => request.method === "GET" && request.path === "/v1/payouts");
  const dayAndAHalfAgo = () => new Date(Date.now() - 36 * 3600_000);

  it("trusts the key of a payout opened within the day, without looking for it first", async () => {
    const seller = fundedSeller();
    await stripeProvider().payout(payoutInput(seller, { requestedAt: new Date(Date.now() - 22 * 3600_000) }));
    expect(payoutLookups()).toEqual([]);
  });

  it("finds the payout made under our id once Stripe has forgotten the key, instead of paying twice", async () => {
    const seller = fundedSeller(90000);
    const provider = stripeProvider();
    const first = await provider.payout(payoutInput(seller, { requestedAt: dayAndAHalfAgo() }));
    fake.forgetIdempotencyKeys();
    const again = await provider.payout(payoutInput(seller, { requestedAt: dayAndAHalfAgo() }));

    expect(again).toEqual(first);
    expect(payoutsOf(seller)).toHaveLength(1);
    expect(fake.balanceOf(seller, "brl")).toBe(45000);
    expect(posts("/v1/payouts")).toHaveLength(1);
    expect(payoutLookups().map((request) => request.stripeAccount)).toEqual([seller, seller]);
  });

  it("does not take the account's payout for another of our payouts as this one", async () => {
    const seller = fundedSeller(90000);
    const provider = stripeProvider();
    const other = await provider.payout(payoutInput(seller, { idempotencyKey: "payout_0" }));
    fake.forgetIdempotencyKeys();
    const ours = await provider.payout(payoutInput(seller, { requestedAt: dayAndAHalfAgo() }));

    expect(ours.providerPayoutId).not.toBe(other.providerPayoutId);
    expect(payoutsOf(seller).map((payout) => payout.metadata.payoutId).sort()).toEqual(["payout_0", "payout_1"]);
    expect(fake.balanceOf(seller, "brl")).toBe(0);
  });

  it("keeps each connected account's keys apart, as Stripe does", async () => {
    const [first, second] = [fundedSeller(), fundedSeller()];
    const provider = stripeProvider();
    await provider.payout(payoutInput(first, { idempotencyKey: "same_key" }));
    await provider.payout(payoutInput(second, { idempotencyKey: "same_key" }));

    expect([payoutsOf(first).length, payoutsOf(second).length]).toEqual([1, 1]);
    expect(posts("/v1/payouts").map(({ replayed }) => replayed)).toEqual([false, false]);
  });

  it("fails a payout over the account's balance with Stripe's reason, taking nothing", async () => {
    const seller = fundedSeller(40000);
    const result = await stripeProvider().payout(payoutInput(seller));

    expect(result).toEqual({ providerPayoutId: "", status: "failed", failureReason: expect.stringMatching(/^balance_insufficient: /) });
    expect(posts("/v1/payouts")[0]).toMatchObject({ status: 400, stripeAccount: seller });
    expect(fake.state.payouts.size).toBe(0);
    expect(fake.balanceOf(seller, "brl")).toBe(40000);
  });

  it("fails a payout from an account Stripe doesn't let pay out", async () => {
    const unfinished = fake.createConnectedAccount({ onboarded: false });
    fake.creditBalance(unfinished, "brl", 50000);
    const disabled = fundedSeller();
    fake.state.accounts.get(disabled)!.payouts_enabled = false;
    const provider = stripeProvider();

    for (const seller of [unfinished, disabled]) {
      expect(await provider.payout(payoutInput(seller))).toEqual({ providerPayoutId: "", status: "failed", failureReason: expect.stringMatching(/^payouts_not_allowed: /) });
      expect(fake.balanceOf(seller, "brl")).toBe(50000);
    }
    expect(fake.state.payouts.size).toBe(0);
  });

  it("throws what may be worth asking again: an account it may no longer reach, a refused key", async () => {
    const provider = stripeProvider();
    await expect(provider.payout(payoutInput("acct_unknown"))).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);

    const seller = fundedSeller();
    await provider.payout(payoutInput(seller));
    await expect(provider.payout(payoutInput(seller, { amount: 100n }))).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(payoutsOf(seller)).toHaveLength(1);
  });

  it("after a dropped answer, the SDK's retry and then ours find the one payout", async () => {
    const seller = fundedSeller(100000);
    fake.dropNextResponse("/v1/payouts");
    expect(await stripeProvider({ maxNetworkRetries: 1 }).payout(payoutInput(seller, { idempotencyKey: "payout_a" }))).toMatchObject({ status: "paid" });

    // The SDK retries a closed connection once even with retries off: drop both attempts.
    fake.dropNextResponse("/v1/payouts");
    fake.dropNextResponse("/v1/payouts");
    const provider = stripeProvider({ maxNetworkRetries: 0 });
    await expect(provider.payout(payoutInput(seller, { idempotencyKey: "payout_b" }))).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    const retried = await provider.payout(payoutInput(seller, { idempotencyKey: "payout_b" }));

    const made = payoutsOf(seller);
    expect(made).toHaveLength(2);
    expect(retried).toEqual({ providerPayoutId: made[1]!.id, status: "paid" });
    expect(posts("/v1/payouts").map(({ idempotencyKey, dropped, replayed }) => ({ idempotencyKey, dropped, replayed }))).toEqual([
      { idempotencyKey: "payout_a", dropped: true, replayed: false },
      { idempotencyKey: "payout_a", dropped: false, replayed: true },
      { idempotencyKey: "payout_b", dropped: true, replayed: false },
      { idempotencyKey: "payout_b", dropped: true, replayed: true },
      { idempotencyKey: "payout_b", dropped: false, replayed: true },
    ]);
    expect(fake.balanceOf(seller, "brl")).toBe(100000 - 2 * 45000);
  });

  it("reads a payout in transit as processing, and asking again under its key as where it is now", async () => {
    const seller = fundedSeller(100000);
    fake.payoutsInTransit(true);
    const provider = stripeProvider();
    const first = await provider.payout(payoutInput(seller, { idempotencyKey: "payout_slow" }));
    const second = await provider.payout(payoutInput(seller, { idempotencyKey: "payout_bounced" }));
    expect([first.status, second.status]).toEqual(["processing", "processing"]);

    fake.settlePayout(first.providerPayoutId, { status: "paid" });
    fake.settlePayout(second.providerPayoutId, { status: "failed", failureCode: "account_closed", failureMessage: "The bank account has been closed." });
    expect(await provider.payout(payoutInput(seller, { idempotencyKey: "payout_slow" }))).toEqual({ providerPayoutId: first.providerPayoutId, status: "paid" });
    expect(await provider.payout(payoutInput(seller, { idempotencyKey: "payout_bounced" }))).toEqual({
      providerPayoutId: second.providerPayoutId,
      status: "failed",
      failureReason: "account_closed: The bank account has been closed.",
    });
    // Read on the account it was made on; the failed one's money is back in the balance.
    expect(fake.requests.filter((request) => request.method === "GET" && request.path.startsWith("/v1/payouts/")).map((request) => request.stripeAccount)).toEqual([seller, seller, seller, seller]);
    expect(fake.balanceOf(seller, "brl")).toBe(100000 - 45000);
  });

  const payoutReads = () => fake.requests.filter((request) => request.method === "GET" && request.path.startsWith("/v1/payouts/"));

  it("reads a payout back by its id on the store's account, as Stripe holds it now", async () => {
    const seller = fundedSeller();
    const provider = stripeProvider();
    const { providerPayoutId } = await provider.payout(payoutInput(seller));
    const made = fake.state.payouts.get(providerPayoutId)!;

    expect(await provider.getPayout!(providerPayoutId, { accountId: seller })).toEqual({
      providerPayoutId,
      status: "paid",
      amount: 45000n,
      currency: "BRL",
      arrivalDate: new Date(made.arrival_date * 1000),
    });
    expect(payoutReads().map(({ path, stripeAccount, status }) => ({ path, stripeAccount, status }))).toEqual([{ path: `/v1/payouts/${providerPayoutId}`, stripeAccount: seller, status: 200 }]);
  });

  it("reads a payout in transit as processing, and one the bank returned after it was paid as failed, with the bank's reason", async () => {
    const seller = fundedSeller();
    fake.payoutsInTransit(true);
    const provider = stripeProvider();
    const { providerPayoutId } = await provider.payout(payoutInput(seller));
    const inTransit = await provider.getPayout!(providerPayoutId, { accountId: seller });
    expect(inTransit).toMatchObject({ status: "processing", amount: 45000n });
    // Stripe's arrival date for a payout in transit is ahead: the fake's is two days.
    expect(inTransit!.arrivalDate.getTime() - Date.now()).toBeGreaterThan(86_400_000);

    fake.settlePayout(providerPayoutId, { status: "paid" });
    fake.settlePayout(providerPayoutId, { status: "failed", failureCode: "account_closed", failureMessage: "The bank account has been closed." });
    expect(await provider.getPayout!(providerPayoutId, { accountId: seller })).toMatchObject({
      status: "failed",
      failureReason: "account_closed: The bank account has been closed.",
    });
    expect(fake.balanceOf(seller, "brl")).toBe(50000);
  });

  it("has no payout for an id the account has none by, another account's included; an account it can't reach throws", async () => {
    const seller = fundedSeller();
    const provider = stripeProvider();
    const { providerPayoutId } = await provider.payout(payoutInput(seller));

    expect(await provider.getPayout!("po_unknown", { accountId: seller })).toBeUndefined();
    expect(await provider.getPayout!(providerPayoutId, { accountId: fake.createConnectedAccount() })).toBeUndefined();
    await expect(provider.getPayout!(providerPayoutId, { accountId: "acct_unknown" })).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(payoutReads().map(({ status }) => status)).toEqual([404, 404, 403]);
  });

  it("maps every payout status Stripe has", () => {
    const payout = (status: string, failure_code: string | null = null, failure_message: string | null = null) => payoutResult({ id: "po_1", status, failure_code, failure_message });
    expect(payout("paid")).toEqual({ providerPayoutId: "po_1", status: "paid" });
    expect(payout("pending")).toEqual({ providerPayoutId: "po_1", status: "processing" });
    expect(payout("in_transit")).toEqual({ providerPayoutId: "po_1", status: "processing" });
    expect(payout("failed", "no_account", "The bank account details on file are probably incorrect.")).toEqual({
      providerPayoutId: "po_1",
      status: "failed",
      failureReason: "no_account: The bank account details on file are probably incorrect.",
    });
    expect(payout("canceled")).toEqual({ providerPayoutId: "po_1", status: "failed", failureReason: "canceled" });
  });
});

describe("the fake's connected account balances", () => {
  it("take a destination charge net of the application fee; a reverse_transfer refund takes back all it refunds, less our fee given back", async () => {
    const seller = fake.createConnectedAccount();
    const provider = stripeProvider();
    const { providerPaymentId } = await provider.createPayment(cardPayment({ split: { kind: "destination", account: { accountId: seller }, applicationFee: 1990n } }));
    expect(fake.balanceOf(seller, "BRL")).toBe(18990 - 1990);

    // Our fee returned: the seller bears only its share of the refund.
    await provider.refund({ providerPaymentId, amount: 9495n, idempotencyKey: "refund_half", returnCommission: true });
    expect(fake.balanceOf(seller, "brl")).toBe(17000 - 8500);
    await provider.refund({ providerPaymentId, amount: 9495n, idempotencyKey: "refund_rest", returnCommission: true });
    expect(fake.balanceOf(seller, "brl")).toBe(0);
    expect(fake.balanceOf(seller, "usd")).toBe(0);

    // Our fee kept: the seller bears the whole refund.
    const kept = await provider.createPayment(cardPayment({ split: { kind: "destination", account: { accountId: seller }, applicationFee: 1990n } }));
    await provider.refund({ providerPaymentId: kept.providerPaymentId, amount: 18990n, idempotencyKey: "refund_kept", returnCommission: false });
    expect(fake.balanceOf(seller, "brl")).toBe(-1990);
  });

  it("take transferFunds' transfers, and pay out no more than they hold", async () => {
    const seller = fake.createConnectedAccount();
    const provider = stripeProvider();
    const split = { kind: "transfers" as const, group: "order_7", transfers: [{ account: { accountId: seller }, amount: 10000n }] };
    const payment = await provider.createPayment(cardPayment({ split }));
    await provider.transferFunds({ providerPaymentId: payment.providerPaymentId, split, idempotencyKey: "settle_7" });
    expect(fake.balanceOf(seller, "brl")).toBe(10000);

    expect(await provider.payout({ account: { accountId: seller }, amount: 10001n, currency: "BRL", idempotencyKey: "too_much", requestedAt: new Date() })).toMatchObject({ status: "failed" });
    expect(await provider.payout({ account: { accountId: seller }, amount: 10000n, currency: "BRL", idempotencyKey: "all_of_it", requestedAt: new Date() })).toMatchObject({ status: "paid" });
    expect(fake.balanceOf(seller, "brl")).toBe(0);
  });
});

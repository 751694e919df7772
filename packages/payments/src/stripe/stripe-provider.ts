import Stripe from "stripe";
import type { CreatePaymentInput, CreatePaymentResult, PaymentProvider, PaymentSplit } from "../provider.ts";
import { listPaymentIntents } from "./list-payments.ts";
import { toStripeAmount } from "./minor-units.ts";
import { paymentIntentOutcome } from "./payment-intent-outcome.ts";
import { fetchPaymentSnapshot } from "./payment-snapshot.ts";
import { accountReady, finishOnboarding, onboardingUrl } from "./stripe-connect.ts";
import { readPayout } from "./read-payout.ts";
import { payOut } from "./stripe-payouts.ts";
import { refundPayment } from "./stripe-refunds.ts";
import { parseStripeWebhook } from "./stripe-webhook.ts";

export interface StripeProviderConfig {
  secretKey: string;
  webhookSecret: string;
  /** Another API server than api.stripe.com: tests point the SDK at a local fake. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  /** Stripe's `refresh_url` for onboarding links (a seller whose link expired lands there); defaults to the link's return URL. */
  connectReturnUrl?: string;
  /** How old a signed webhook may be, in seconds; Stripe's default is 300. */
  toleranceSeconds?: number;
  /** The SDK's retries of a request whose connection failed or that got a 409/5xx (default 2). */
  maxNetworkRetries?: number;
  /** The platform's publishable key: with it, checkout shows Stripe's Payment Element. */
  publishableKey?: string;
  /** Where browsers load Stripe.js from (a local fake's in tests). */
  jsUrl?: string;
}

export const STRIPE_JS_URL = "https://js.stripe.com/v3/";

const STRIPE_TEST_CARDS = [
  { token: "pm_card_visa", outcome: "approved" },
  { token: "pm_card_chargeDeclined", outcome: "declined" },
] as const;

export type TransfersSplit = Extract<PaymentSplit, { kind: "transfers" }>;

export interface StripeTransfer {
  accountId: string;
  providerTransferId: string;
  amount: bigint;
}

export interface StripePaymentProvider extends PaymentProvider {
  /**
   * Separate charges and transfers: once a `transfers`-split payment is paid, moves each seller's
   * share from its charge. Tied to the charge (`source_transaction`), a transfer waits for that
   * charge's funds instead of failing on the platform's balance, and `transfer_group` lets Stripe
   * reports gather the payment's transfers. Key i is `${idempotencyKey}:${i}`: a retry repeats the
   * transfers already made without making them twice, and creates the missing ones.
   */
  transferFunds(input: { providerPaymentId: string; split: TransfersSplit; idempotencyKey: string }): Promise<StripeTransfer[]>;
}

/**
 * Card payments through Stripe PaymentIntents on the platform account, with Connect for sellers:
 * a `destination` split is a destination charge, a `transfers` split a separate charge whose
 * transfers `transferFunds` makes after payment. Every create carries our idempotency key, which
 * is also what makes the SDK's automatic retries safe. Payments, refunds and transfers live on the
 * platform account, so their `account` arguments are not sent as `Stripe-Account`; payouts, made
 * and read back, are the calls on the connected account itself (its balance, already holding the
 * store's share of each destination charge, goes to its bank).
 */
export function createStripePaymentProvider(config: StripeProviderConfig): StripePaymentProvider {
  if (!config.webhookSecret.trim()) throw new Error("Stripe needs the webhook signing secret");
  const toleranceSeconds = config.toleranceSeconds ?? Stripe.webhooks.DEFAULT_TOLERANCE;
  const publishableKey = config.publishableKey;
  if (publishableKey && publishableKey.startsWith("pk_test_") !== config.secretKey.startsWith("sk_test_")) {
    throw new Error("Stripe's publishable and secret keys must both be test keys or both be live keys");
  }
  // The SDK reads 0 as "don't check the timestamp", which would accept replays of any age.
  if (!Number.isInteger(toleranceSeconds) || toleranceSeconds <= 0) throw new RangeError("toleranceSeconds must be a positive whole number");
  const stripe = new Stripe(config.secretKey, {
    host: config.host,
    port: config.port,
    protocol: config.protocol,
    maxNetworkRetries: config.maxNetworkRetries ?? 2,
  });

  return {
    id: "stripe",
    methods: ["card"],
    maxInstallments: 1,
    // Test keys take Stripe's test payment methods by id: a test-mode checkout without Stripe.js offers them.
    ...(config.secretKey.startsWith("sk_test_") && !publishableKey ? { sandboxCards: STRIPE_TEST_CARDS } : {}),
    // Destination charges are the platform's own PaymentIntents: the platform's key, whatever the store.
    cardForm: () => (publishableKey ? { provider: "stripe", scriptUrl: config.jsUrl ?? STRIPE_JS_URL, publicKey: publishableKey } : undefined),
    async createPayment(input) {
      if (input.method !== "card") throw new Error(`The Stripe provider takes cards, not ${input.method}`);
      // Stripe's installments are a Mexico-only negotiated plan: charging at once what the shopper
      // chose to split would be worse than refusing.
      if (input.installments > 1) throw new Error("The Stripe provider takes card payments in one installment");
      // The Payment Element's ConfirmationToken (ctoken_...), or a test-mode PaymentMethod id.
      const token = input.fields.token;
      const confirmWith = !token ? {} : token.startsWith("ctoken_") ? { confirmation_token: token } : { payment_method: token };
      const params: Stripe.PaymentIntentCreateParams = {
        amount: toStripeAmount(input.amount, "amount"),
        currency: input.currency.toLowerCase(),
        allowed_payment_method_types: ["card"],
        description: input.description,
        metadata: {
          ...(input.tenantId ? { tenantId: input.tenantId } : {}),
          ...(input.paymentId ? { paymentId: input.paymentId } : {}),
        },
        ...splitParams(input),
        // Confirmed here, on the server; 3-D Secure, when the bank asks for it, is Stripe.js's handleNextAction on the order page.
        ...(token ? { ...confirmWith, confirm: true, use_stripe_sdk: true } : {}),
      };
      try {
        return createResult(await stripe.paymentIntents.create(params, { idempotencyKey: input.idempotencyKey }));
      } catch (error) {
        // A decline while confirming is a 402 carrying the intent it left behind.
        if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) return createResult(error.payment_intent);
        throw error;
      }
    },
    getPayment: (providerPaymentId) => fetchPaymentSnapshot(stripe, providerPaymentId),
    refund: (input) => refundPayment(stripe, input),
    // Every store's destination charges are the platform's: no account to list per store.
    listPayments: (range) => listPaymentIntents(stripe, range),
    parseWebhook: (request) => parseStripeWebhook(request, { webhookSecret: config.webhookSecret, toleranceSeconds }),
    connectUrl: (input) => onboardingUrl(stripe, { ...input, refreshUrl: config.connectReturnUrl }),
    completeConnect: ({ accountId }) => finishOnboarding(stripe, accountId),
    accountReady: (accountId) => accountReady(stripe, accountId),
    // Connected accounts have no token to expire.
    refreshCredentials: async (credentials) => credentials,
    payout: (input) => payOut(stripe, input),
    getPayout: (providerPayoutId, account) => readPayout(stripe, providerPayoutId, account),
    async transferFunds({ providerPaymentId, split, idempotencyKey }) {
      const intent = await stripe.paymentIntents.retrieve(providerPaymentId);
      const chargeId = typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
      if (intent.status !== "succeeded" || !chargeId) throw new Error(`Payment ${providerPaymentId} has no successful charge to transfer from`);
      const transfers: StripeTransfer[] = [];
      // One at a time, so a failure leaves a prefix done that a retry replays.
      for (const [index, { account, amount }] of split.transfers.entries()) {
        const transfer = await stripe.transfers.create(
          {
            amount: toStripeAmount(amount, "transfer amount"),
            currency: intent.currency,
            destination: account.accountId,
            transfer_group: split.group,
            source_transaction: chargeId,
          },
          { idempotencyKey: `${idempotencyKey}:${index}` },
        );
        transfers.push({ accountId: account.accountId, providerTransferId: transfer.id, amount });
      }
      return transfers;
    },
  };
}

function splitParams({ split, amount }: CreatePaymentInput): Partial<Stripe.PaymentIntentCreateParams> {
  if (!split) return {};
  if (split.kind === "destination") {
    return { transfer_data: { destination: split.account.accountId }, application_fee_amount: toStripeAmount(split.applicationFee, "application fee") };
  }
  const shares = split.transfers.reduce((total, transfer) => total + transfer.amount, 0n);
  if (shares > amount) throw new RangeError(`The sellers' shares (${shares}) exceed the payment (${amount})`);
  return { transfer_group: split.group };
}

function createResult(intent: Stripe.PaymentIntent): CreatePaymentResult {
  const { status, failureCode, awaitsShopper } = paymentIntentOutcome(intent);
  return {
    providerPaymentId: intent.id,
    status,
    // Stripe.js finishes the payment in the browser with the client secret; nothing else is shown.
    details: awaitsShopper && intent.client_secret ? { clientSecret: intent.client_secret } : {},
    ...(failureCode ? { failureCode } : {}),
  };
}

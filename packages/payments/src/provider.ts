import { z } from "zod";

export const paymentMethodSchema = z.enum(["test", "pix", "boleto", "card"]);
export type PaymentMethodId = z.infer<typeof paymentMethodSchema>;

export type ProviderId = "test" | "mercadopago" | "stripe";

/**
 * Providers that keep captured money and release it to its receiver themselves, on a date of
 * theirs (Mercado Pago's money_release_date): until they have, nobody can be paid it.
 */
export const PROVIDERS_RELEASING_MONEY: readonly ProviderId[] = ["mercadopago"];

/**
 * Providers whose payments land in the seller's own account, ours being only the marketplace fee
 * (Mercado Pago's split). So the provider takes its processing fee from the seller's share, and
 * a refund gives our fee back in proportion whatever the store's policy: its refund takes only an
 * amount. Elsewhere (Stripe destination charges) the platform pays the fee and chooses.
 */
export const PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS: readonly ProviderId[] = ["mercadopago"];

/**
 * A tenant's connection to a provider, decrypted for one call and never sent to a browser.
 * Stripe: the connected account (`acct_...`). Mercado Pago: the seller's OAuth access token
 * (and its user id); payments created with it belong to the seller and carry our fee.
 */
export interface ConnectedAccount {
  accountId: string;
  accessToken?: string;
}

/**
 * What a shopper's browser loads to take a card without the number ever reaching our servers:
 * the provider's own script and the public key it runs with. The form posts back a single-use
 * token (a Stripe ConfirmationToken, a Mercado Pago card token) as `CreatePaymentInput.fields`.
 */
export interface CardFormConfig {
  provider: "stripe" | "mercadopago";
  /** Stripe.js or MercadoPago.js (or a local fake's stand-in for it). */
  scriptUrl: string;
  /** The platform's publishable key for Stripe (destination charges live on the platform); the seller's own public key for Mercado Pago. */
  publicKey: string;
}

/** The OAuth/onboarding result a provider returns once a seller connects. */
export interface AccountCredentials {
  accountId: string;
  accessToken?: string;
  refreshToken?: string;
  /** When the access token must be refreshed by (Mercado Pago tokens last 180 days). */
  expiresAt?: Date;
  /** False while the provider can't take money for the account yet (Stripe onboarding unfinished). */
  ready?: boolean;
  /** The seller's public key for browser-side card tokenisation (Mercado Pago); not a secret. */
  publicKey?: string;
}

/**
 * How the money of one payment is divided. `destination`: one tenant receives the payment
 * minus the platform's fee (Stripe destination charge, Mercado Pago split with the seller's
 * token). `transfers`: one charge on the platform, then a transfer per tenant grouped by
 * `group` (Stripe separate charges and transfers), for payments covering several tenants.
 */
export type PaymentSplit =
  | { kind: "destination"; account: ConnectedAccount; applicationFee: bigint }
  | { kind: "transfers"; group: string; transfers: Array<{ account: ConnectedAccount; amount: bigint }> };

export interface Payer {
  email: string;
  firstName?: string;
  lastName?: string;
  /** CPF or CNPJ digits, required by boleto. */
  document?: { type: "CPF" | "CNPJ"; number: string };
  address?: { postalCode: string; street: string; number: string; neighborhood: string; city: string; state: string };
}

export interface CreatePaymentInput {
  /** Our payment id; providers receive it as their idempotency key. */
  idempotencyKey: string;
  /** Ours, for the provider's metadata / external reference: events name the tenant and payment. */
  tenantId?: string;
  paymentId?: string;
  amount: bigint;
  currency: string;
  method: PaymentMethodId;
  installments: number;
  /** When an unpaid PIX or boleto stops being payable (we reserve stock until then). */
  expiresAt?: Date;
  payerEmail: string;
  payer?: Payer;
  description: string;
  /** Provider-specific fields from the checkout form (card token, issuer...). */
  fields: Record<string, string>;
  split?: PaymentSplit;
  /** Where the provider notifies us (Mercado Pago takes it per payment). */
  notificationUrl?: string;
}

export type ProviderPaymentStatus = "pending" | "authorized" | "paid" | "failed";

export interface CreatePaymentResult {
  providerPaymentId: string;
  status: ProviderPaymentStatus;
  /** Shown to the shopper (QR code, boleto line, Stripe client secret) or kept for support; never card data. */
  details: Record<string, string | number | boolean>;
  failureCode?: string;
}

export interface ProviderRefund {
  providerRefundId: string;
  amount: bigint;
  status: "pending" | "succeeded" | "failed";
}

/**
 * A payment as the provider holds it now. Webhooks are hints: processing fetches this and moves
 * our records to it, so replayed and out-of-order events end in the same state.
 */
export interface ProviderPaymentSnapshot {
  providerPaymentId: string;
  status: ProviderPaymentStatus | "refunded";
  amount: bigint;
  currency: string;
  /** What the provider kept (gateway fee), when it says. */
  fee?: bigint;
  refunds: ProviderRefund[];
  /** Lost disputes / chargebacks, total. */
  chargedBack?: bigint;
  /** Our ids, from the provider's metadata / external reference. */
  tenantId?: string;
  paymentId?: string;
  /**
   * Money the provider holds and releases itself (Mercado Pago): when, and whether it has.
   * Until it is released the store can't be paid it.
   */
  moneyRelease?: { date: Date; status: "pending" | "released" };
}

/**
 * A payment as a provider's listing shows it: enough to tell whether it is one of ours (the ids
 * in its metadata) and whether money moved, not its fee or refunds (getPayment has those).
 */
export type ListedProviderPayment = Pick<ProviderPaymentSnapshot, "providerPaymentId" | "status" | "amount" | "currency" | "tenantId" | "paymentId"> & {
  created: Date;
};

export interface RefundInput {
  providerPaymentId: string;
  amount: bigint;
  /** Our refund id. */
  idempotencyKey: string;
  account?: ConnectedAccount;
  /** Give the platform's fee back in proportion (the store's policy) where the provider lets us choose; unset, its default. */
  returnCommission?: boolean;
}

/** What a verified webhook says: an event id (unique per provider) and what to refetch. */
export interface WebhookNotification {
  eventId: string;
  type: string;
  providerPaymentId?: string;
  /** Tenant and payment named by the event's (signed) metadata, when the provider carries it. */
  tenantId?: string;
  paymentId?: string;
  /** Stripe Connect: the connected account the event happened on. */
  accountId?: string;
}

export interface WebhookRequest {
  rawBody: string;
  headers: Headers;
  url: URL;
  now?: Date;
}

export class WebhookVerificationError extends Error {
  constructor(readonly reason: "missing_signature" | "bad_signature" | "stale" | "malformed") {
    super(`Webhook rejected: ${reason}`);
    this.name = "WebhookVerificationError";
  }
}

export interface PayoutInput {
  account: ConnectedAccount;
  amount: bigint;
  currency: string;
  /** Our payout id. */
  idempotencyKey: string;
  /**
   * When we opened the payout. A provider that forgets idempotency keys (Stripe, after 24 hours)
   * looks for a payout already made under an older one instead of trusting the key.
   */
  requestedAt: Date;
}

export interface PayoutResult {
  providerPayoutId: string;
  status: "processing" | "paid" | "failed";
  failureReason?: string;
}

/** A payout as the provider holds it now, read back by its id: what reconciliation holds ours to. */
export interface ProviderPayout extends PayoutResult {
  amount: bigint;
  currency: string;
  /** When the money is (or was) expected at the bank. */
  arrivalDate: Date;
}

/** One way to pay by card in installments, as a provider that sets its own interest prices it. */
export interface InstallmentOption {
  installments: number;
  installmentAmount: bigint;
  /** What the shopper pays in all; above the price by the provider's interest. */
  totalAmount: bigint;
  interestFree: boolean;
  /** The provider's own wording for the shopper, e.g. "3 parcelas de R$ 33,33 sem juros". */
  label: string;
}

export interface InstallmentPlansInput {
  account?: ConnectedAccount;
  /** The price: what the store is paid, before the provider's interest. */
  amount: bigint;
  currency: string;
  /** The card as its BIN names it: the provider's brand id (e.g. "visa") and the BIN, which pins the issuer. */
  card: { brand: string; bin?: string };
}

export interface PaymentProvider {
  readonly id: ProviderId;
  readonly methods: readonly PaymentMethodId[];
  /** Sandboxes only: card tokens a checkout in test mode may offer instead of a card form. */
  readonly sandboxCards?: ReadonlyArray<{ token: string; outcome: "approved" | "declined" }>;
  /** The browser card form for a store's account; undefined when this deployment or account can't show one. */
  cardForm?(account: Pick<AccountCredentials, "publicKey"> | undefined): CardFormConfig | undefined;
  /** Card installments it can charge (unset: 12, as Brazilian gateways do). */
  readonly maxInstallments?: number;
  /**
   * Providers that charge installment interest themselves, at rates of the seller's account
   * (Mercado Pago): their plans for this price and card. A card payment through such a provider is
   * created for the price, and the provider adds its interest; the store's interest table is not used.
   */
  installmentPlans?(input: InstallmentPlansInput): Promise<InstallmentOption[]>;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  getPayment(providerPaymentId: string, account?: ConnectedAccount): Promise<ProviderPaymentSnapshot>;
  refund(input: RefundInput): Promise<ProviderRefund>;
  /**
   * Every payment created in [from, to), ours or not: the platform's own (Stripe, where destination
   * charges live), or one seller's account's for providers paying into seller accounts (Mercado
   * Pago), whose token `account` carries. Reconciliation looks there for payments we don't hold.
   */
  listPayments?(range: { from: Date; to: Date }, account?: ConnectedAccount): Promise<ListedProviderPayment[]>;
  /** Verifies a webhook exactly as the provider documents; throws WebhookVerificationError. */
  parseWebhook(request: WebhookRequest): WebhookNotification;
  /** Where a tenant's staff go to connect their account (OAuth / onboarding). */
  connectUrl(input: { state: string; returnUrl: string; account?: ConnectedAccount }): Promise<string>;
  /** Finishes the connection with what the provider sent back to `returnUrl`. */
  completeConnect(input: { code?: string; accountId?: string; returnUrl: string }): Promise<AccountCredentials>;
  /** A fresh token before the old one expires (Mercado Pago); providers without expiry return them as they are. */
  refreshCredentials(credentials: AccountCredentials): Promise<AccountCredentials>;
  /** Whether the account can take money now, for providers whose accounts need onboarding (Stripe). */
  accountReady?(accountId: string): Promise<boolean>;
  payout(input: PayoutInput): Promise<PayoutResult>;
  /**
   * One of its payouts on the store's account as it is now, undefined when the account has none by
   * that id. Only providers that move the money themselves have it (Stripe): a Mercado Pago payout
   * records money MP already released, and the sandbox's stand for themselves, so neither leaves
   * anything to read back.
   */
  getPayout?(providerPayoutId: string, account: ConnectedAccount): Promise<ProviderPayout | undefined>;
}

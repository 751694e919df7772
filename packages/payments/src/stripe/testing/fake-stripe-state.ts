import { randomBytes } from "node:crypto";
import { invalidRequest } from "./fake-stripe-error.ts";
import { type FormParams, objectParam, stringParam } from "./form-params.ts";

/*
 * The objects the fake keeps, shaped like Stripe's with the fields the SDK and our provider read
 * (and a few more that make a recorded object recognisable when a test fails).
 */

export interface FakeLastPaymentError {
  type: "card_error" | "invalid_request_error";
  code: string;
  /** A bank's decline; an abandoned or failed 3-D Secure challenge has none. */
  decline_code?: string;
  message: string;
  charge?: string;
  payment_method: { id: string; object: "payment_method"; type: "card" };
}

/** What Stripe.js's createConfirmationToken made of the card typed into the Payment Element. */
export interface FakeConfirmationToken {
  id: string;
  object: "confirmation_token";
  created: number;
  livemode: false;
  /** The test payment method the typed number stands for (4242… is pm_card_visa). */
  payment_method: string;
  payment_method_preview: { type: "card"; card: { brand: string; last4: string; exp_month: number; exp_year: number } };
  /** Stripe: a ConfirmationToken confirms one PaymentIntent. */
  used: boolean;
}

export interface FakePaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  application_fee_amount: number | null;
  capture_method: "automatic";
  client_secret: string;
  created: number;
  currency: string;
  description: string | null;
  last_payment_error: FakeLastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: { type: "use_stripe_sdk"; use_stripe_sdk: { type: "three_d_secure_redirect" } } | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "succeeded";
  transfer_data: { destination: string } | null;
  transfer_group: string | null;
}

export interface FakeCharge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  application_fee: string | null;
  application_fee_amount: number | null;
  balance_transaction: string | null;
  captured: boolean;
  created: number;
  currency: string;
  disputed: boolean;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  outcome: { type: "authorized" | "issuer_declined"; network_status: "approved_by_network" | "declined_by_network"; reason: string | null };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  refunded: boolean;
  status: "succeeded" | "failed";
  transfer: string | null;
  transfer_data: { destination: string } | null;
  transfer_group: string | null;
}

export interface FakeBalanceTransaction {
  id: string;
  object: "balance_transaction";
  amount: number;
  currency: string;
  fee: number;
  net: number;
  source: string;
  status: "pending";
  type: "charge";
}

/** The platform's fee on a destination charge, collected from the connected account. */
export interface FakeApplicationFee {
  id: string;
  object: "application_fee";
  account: string;
  amount: number;
  amount_refunded: number;
  charge: string;
  currency: string;
  refunded: boolean;
}

export interface FakeRefund {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  status: "succeeded";
  transfer_reversal: string | null;
}

export interface FakeDispute {
  id: string;
  object: "dispute";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  payment_intent: string;
  reason: "fraudulent";
  status: "needs_response" | "under_review" | "won" | "lost";
}

export interface FakeTransfer {
  id: string;
  object: "transfer";
  amount: number;
  amount_reversed: number;
  created: number;
  currency: string;
  description: string | null;
  destination: string;
  metadata: Record<string, string>;
  reversed: boolean;
  source_transaction: string | null;
  transfer_group: string | null;
}

export interface FakeAccount {
  id: string;
  object: "account";
  capabilities: Record<string, "inactive" | "active">;
  charges_enabled: boolean;
  created: number;
  details_submitted: boolean;
  metadata: Record<string, string>;
  payouts_enabled: boolean;
  /** Only the payout schedule; Stripe's default is daily automatic payouts (the fake doesn't make them). */
  settings: { payouts: { schedule: { interval: PayoutInterval } } };
  type: "express" | "standard" | "custom";
}

export type PayoutInterval = "manual" | "daily" | "weekly" | "monthly";

export interface FakePayout {
  id: string;
  object: "payout";
  /**
   * The fake's own field, left out of what it answers: the connected account the payout was made
   * on (Stripe says so by the request's `Stripe-Account` header, not in the object).
   */
  account: string;
  amount: number;
  arrival_date: number;
  automatic: false;
  created: number;
  currency: string;
  description: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  method: "standard";
  source_type: "card";
  statement_descriptor: string | null;
  status: "pending" | "in_transit" | "paid" | "failed" | "canceled";
  type: "bank_account";
}

/** Everything the fake has created, by id, in creation order. */
export interface FakeStripeState {
  paymentIntents: Map<string, FakePaymentIntent>;
  charges: Map<string, FakeCharge>;
  balanceTransactions: Map<string, FakeBalanceTransaction>;
  refunds: Map<string, FakeRefund>;
  applicationFees: Map<string, FakeApplicationFee>;
  disputes: Map<string, FakeDispute>;
  transfers: Map<string, FakeTransfer>;
  accounts: Map<string, FakeAccount>;
  payouts: Map<string, FakePayout>;
  confirmationTokens: Map<string, FakeConfirmationToken>;
  /**
   * Each connected account's balance, by lower-case currency, in minor units. Money a destination
   * charge or a transfer moves there counts as available at once (Stripe would hold it pending for
   * a few days first); a transfer reversal may take it below zero, as Stripe lets it.
   */
  balances: Map<string, Map<string, number>>;
}

export const createFakeStripeState = (): FakeStripeState => ({
  paymentIntents: new Map(),
  charges: new Map(),
  balanceTransactions: new Map(),
  refunds: new Map(),
  applicationFees: new Map(),
  disputes: new Map(),
  transfers: new Map(),
  accounts: new Map(),
  payouts: new Map(),
  confirmationTokens: new Map(),
  balances: new Map(),
});

/** A connected account's balance in `currency` (0 when nothing ever moved there). */
export const balanceOf = (state: FakeStripeState, accountId: string, currency: string): number => state.balances.get(accountId)?.get(currency.toLowerCase()) ?? 0;

/** Moves `amount` (negative: takes it) into a connected account's balance. */
export function adjustBalance(state: FakeStripeState, accountId: string, currency: string, amount: number): void {
  const balances = state.balances.get(accountId) ?? new Map<string, number>();
  state.balances.set(accountId, balances);
  const key = currency.toLowerCase();
  balances.set(key, (balances.get(key) ?? 0) + amount);
}

/** Random like Stripe's, so a test can't pass by guessing an id. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url")}`;

export const unixNow = () => Math.floor(Date.now() / 1000);

/** Stripe's list envelope, newest first, paged by `limit` (default 10) and `starting_after`. */
export function listPage<T extends { id: string }>(newestFirst: T[], params: FormParams, url: string) {
  const limit = Number(stringParam(params, "limit") ?? "10");
  const after = stringParam(params, "starting_after");
  const start = after === undefined ? 0 : newestFirst.findIndex((item) => item.id === after) + 1;
  const data = newestFirst.slice(start, start + limit);
  return { object: "list" as const, data, has_more: start + limit < newestFirst.length, url };
}

/** Stripe's `created` range filter (`created[gte]`, `created[lt]`, `gt`, `lte`; Unix seconds): whether an object falls in it. */
export function createdWithin(params: FormParams): (object: { created: number }) => boolean {
  const range = objectParam(params, "created");
  const bound = (name: string) => {
    const value = stringParam(range, name);
    if (value !== undefined && !/^\d+$/.test(value)) throw invalidRequest(`Invalid integer: created[${name}]`, { param: `created[${name}]` });
    return value === undefined ? undefined : Number(value);
  };
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return ({ created }) => (gt === undefined || created > gt) && (gte === undefined || created >= gte) && (lt === undefined || created < lt) && (lte === undefined || created <= lte);
}

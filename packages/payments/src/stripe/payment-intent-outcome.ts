import type Stripe from "stripe";
import type { ProviderPaymentStatus } from "../provider.ts";

export interface PaymentIntentOutcome {
  status: ProviderPaymentStatus;
  failureCode?: string;
  /** The shopper still has something to do in the browser (authenticate, pick a card) with Stripe.js. */
  awaitsShopper: boolean;
}

const AWAITING_SHOPPER = new Set<string>(["requires_action", "requires_confirmation", "requires_payment_method"]);

/**
 * Where a PaymentIntent stands, in our terms. A declined attempt leaves the intent in
 * `requires_payment_method` with `last_payment_error`: for us that attempt failed. Statuses Stripe
 * may add later read as pending, so the payment is fetched again rather than settled on a guess.
 */
export function paymentIntentOutcome(intent: Stripe.PaymentIntent): PaymentIntentOutcome {
  if (intent.status === "succeeded") return { status: "paid", awaitsShopper: false };
  if (intent.status === "requires_capture") return { status: "authorized", awaitsShopper: false };
  if (intent.status === "canceled") return { status: "failed", failureCode: intent.cancellation_reason ?? "canceled", awaitsShopper: false };
  const error = intent.last_payment_error;
  if (error) return { status: "failed", failureCode: error.decline_code ?? error.code ?? "payment_failed", awaitsShopper: false };
  return { status: "pending", awaitsShopper: AWAITING_SHOPPER.has(intent.status) };
}

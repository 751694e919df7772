import Stripe from "stripe";
import type { PayoutInput, PayoutResult } from "../provider.ts";
import { toStripeAmount } from "./minor-units.ts";

/**
 * Pays the store: a Stripe Payout on its connected account (`Stripe-Account`), from the balance its
 * destination charges filled (Stripe moved each one's share there at capture), to its bank. Not a
 * transfer from the platform: that would pay the store its share a second time.
 *
 * Keyed by our payout id, so retries after any crash make one payout. Stripe forgets a key once
 * it is 24 hours old, so a retry of an older payout first looks for one made under our id. A key's
 * stored answer is the payout as it was created, so a payout not yet settled is read again for
 * where it is now. Stripe's refusals of the request itself (400 invalid_request_error:
 * balance_insufficient, payouts_not_allowed, an unsupported currency...) are final and come back
 * as `failed`, for our caller to return the money to the store's balance; anything whose outcome
 * is unknown (network, 5xx, rate limits, auth and permission errors) throws, to be asked again
 * under the same key.
 */
export async function payOut(stripe: Stripe, { account, amount, currency, idempotencyKey, requestedAt }: PayoutInput): Promise<PayoutResult> {
  const options = { stripeAccount: account.accountId };
  let payout: Stripe.Payout | undefined;
  if (Date.now() - requestedAt.getTime() > TRUSTED_KEY_AGE_MS) payout = await findPayout(stripe, options, idempotencyKey, requestedAt);
  if (!payout) {
    try {
      payout = await stripe.payouts.create(
        { amount: toStripeAmount(amount, "payout amount"), currency: currency.toLowerCase(), metadata: { payoutId: idempotencyKey } },
        { ...options, idempotencyKey },
      );
    } catch (error) {
      if (isRefusal(error)) return { providerPayoutId: "", status: "failed", failureReason: reasonOf(error.code, error.message) };
      throw error;
    }
  }
  if (payout.status === "pending" || payout.status === "in_transit") payout = await stripe.payouts.retrieve(payout.id, {}, options);
  return payoutResult(payout);
}

/** Stripe keeps a key for at least 24 hours; an hour less leaves room for clocks and slow retries. */
const TRUSTED_KEY_AGE_MS = 23 * 3600_000;

/** The account's payout made for our payout id, if any: Stripe lists payouts newest first, from when ours was opened. */
async function findPayout(stripe: Stripe, options: { stripeAccount: string }, payoutId: string, requestedAt: Date): Promise<Stripe.Payout | undefined> {
  const since = Math.floor(requestedAt.getTime() / 1000) - 60;
  for await (const payout of stripe.payouts.list({ created: { gte: since }, limit: 100 }, options)) {
    if (payout.metadata?.payoutId === payoutId) return payout;
  }
  return undefined;
}

export function payoutResult(payout: Pick<Stripe.Payout, "id" | "status" | "failure_code" | "failure_message">): PayoutResult {
  switch (payout.status) {
    case "paid":
      return { providerPayoutId: payout.id, status: "paid" };
    case "failed":
    case "canceled":
      return { providerPayoutId: payout.id, status: "failed", failureReason: reasonOf(payout.failure_code, payout.failure_message) ?? payout.status };
    default:
      // pending, in_transit, and whatever Stripe adds: not settled yet.
      return { providerPayoutId: payout.id, status: "processing" };
  }
}

/** Stripe's 400s that say "not now" rather than "no": another attempt may get through. */
const TRANSIENT_CODES = new Set(["lock_timeout", "idempotency_key_in_use", "rate_limit"]);

/** A request Stripe understood and refused: asking again under the same key can't change the answer. */
function isRefusal(error: unknown): error is Stripe.errors.StripeInvalidRequestError {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400 && !TRANSIENT_CODES.has(error.code ?? "");
}

function reasonOf(code: string | null | undefined, message: string | null | undefined): string | undefined {
  const reason = [code, message].filter(Boolean).join(": ");
  return reason ? reason.slice(0, 300) : undefined;
}

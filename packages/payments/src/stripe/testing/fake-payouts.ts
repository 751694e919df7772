import { FakeStripeError, invalidRequest, noSuch } from "./fake-stripe-error.ts";
import { adjustBalance, balanceOf, createdWithin, type FakePayout, type FakeStripeState, listPage, newId, unixNow } from "./fake-stripe-state.ts";
import { type FormParams, metadataParam, requiredAmountParam, requiredStringParam, stringParam } from "./form-params.ts";

const DAY_SECONDS = 86_400;

/** How the fake's payouts behave, switched by tests. */
export interface PayoutBehaviour {
  /** New payouts stay `in_transit` (until `settlePayout`) instead of being `paid` at once. */
  inTransit: boolean;
}

/**
 * A payout of a connected account's balance to its bank (`POST /v1/payouts` with `Stripe-Account`).
 * Stripe refuses it unless the account can be paid out and holds the amount in that currency.
 */
export function createPayout(state: FakeStripeState, params: FormParams, stripeAccount: string | undefined, behaviour: PayoutBehaviour) {
  const account = connectedAccount(state, stripeAccount);
  const amount = requiredAmountParam(params, "amount");
  const currency = requiredStringParam(params, "currency");
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}`, { param: "currency" });
  if (!account.details_submitted || !account.payouts_enabled) {
    throw invalidRequest("Payouts have been disabled on this account.", { code: "payouts_not_allowed" });
  }
  const available = balanceOf(state, account.id, currency);
  if (amount > available) {
    throw invalidRequest(
      `You have insufficient funds in your Stripe account for this payout (${available} ${currency} available, ${amount} asked).`,
      { code: "balance_insufficient" },
    );
  }
  const created = unixNow();
  const payout: FakePayout = {
    id: newId("po"),
    object: "payout",
    account: account.id,
    amount,
    arrival_date: created + (behaviour.inTransit ? 2 * DAY_SECONDS : 0),
    automatic: false,
    created,
    currency,
    description: stringParam(params, "description") ?? null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: metadataParam(params),
    method: "standard",
    source_type: "card",
    statement_descriptor: stringParam(params, "statement_descriptor") ?? null,
    status: behaviour.inTransit ? "in_transit" : "paid",
    type: "bank_account",
  };
  state.payouts.set(payout.id, payout);
  adjustBalance(state, account.id, currency, -amount);
  return payoutView(payout);
}

export function retrievePayout(state: FakeStripeState, id: string, stripeAccount: string | undefined) {
  const account = connectedAccount(state, stripeAccount);
  const payout = state.payouts.get(id);
  // Another account's payout doesn't exist as far as this one can see.
  if (!payout || payout.account !== account.id) throw noSuch("payout", id, "id");
  return payoutView(payout);
}

/** The account's payouts, newest first, within a `created` range (`GET /v1/payouts` with `Stripe-Account`). */
export function listPayouts(state: FakeStripeState, params: FormParams, stripeAccount: string | undefined) {
  const account = connectedAccount(state, stripeAccount);
  const created = createdWithin(params);
  const matching = [...state.payouts.values()].filter((payout) => payout.account === account.id && created(payout));
  return listPage(matching.reverse().map(payoutView), params, "/v1/payouts");
}

/**
 * Test helper, not an endpoint: the bank's answer to a payout in transit, or its return of one
 * already paid (Stripe: "some payouts that fail might initially show as paid, then change to
 * failed"). A failed payout's money returns to the account's balance, as Stripe returns it.
 */
export function settlePayout(state: FakeStripeState, id: string, outcome: { status: "paid" } | { status: "failed"; failureCode?: string; failureMessage?: string }): FakePayout {
  const payout = state.payouts.get(id);
  if (!payout) throw new Error(`No payout ${id}`);
  const settles = payout.status === "pending" || payout.status === "in_transit" || (payout.status === "paid" && outcome.status === "failed");
  if (!settles) throw new Error(`Payout ${id} is already ${payout.status}`);
  if (outcome.status === "paid") {
    payout.status = "paid";
    return payout;
  }
  payout.status = "failed";
  payout.failure_code = outcome.failureCode ?? "account_closed";
  payout.failure_message = outcome.failureMessage ?? "The bank account has been closed.";
  adjustBalance(state, payout.account, payout.currency, payout.amount);
  return payout;
}

/** The account a payout request acts on; Stripe refuses one the platform can't reach. */
function connectedAccount(state: FakeStripeState, id: string | undefined) {
  // The platform's own balance is not modelled, so neither are its payouts.
  if (!id) throw invalidRequest("The fake pays out connected accounts only: send the Stripe-Account header.");
  const account = state.accounts.get(id);
  if (!account) {
    throw new FakeStripeError(403, {
      type: "invalid_request_error",
      code: "account_invalid",
      message: `The provided key does not have access to account '${id}' (or that account does not exist). Application access may have been revoked.`,
    });
  }
  return account;
}

/** What Stripe answers: the payout without the fake's own `account`. */
function payoutView({ account: _account, ...payout }: FakePayout) {
  return payout;
}

import { FakeStripeError, invalidRequest, noSuch } from "./fake-stripe-error.ts";
import { createTransferRecord, requireTransferCapableAccount } from "./fake-connect.ts";
import {
  adjustBalance,
  createdWithin,
  type FakeApplicationFee,
  type FakeBalanceTransaction,
  type FakeCharge,
  type FakeDispute,
  type FakePaymentIntent,
  type FakeStripeState,
  listPage,
  newId,
  unixNow,
} from "./fake-stripe-state.ts";
import {
  amountParam,
  booleanParam,
  expandParam,
  type FormParams,
  metadataParam,
  objectParam,
  requiredAmountParam,
  requiredStringParam,
  stringParam,
} from "./form-params.ts";

type CardOutcome = { kind: "approve" } | { kind: "decline"; declineCode: string } | { kind: "authenticate" };

/** Stripe's test payment methods the fake knows, by the outcome Stripe gives them. */
const TEST_CARDS: Record<string, CardOutcome> = {
  pm_card_visa: { kind: "approve" },
  pm_card_chargeDeclined: { kind: "decline", declineCode: "generic_decline" },
  pm_card_chargeDeclinedInsufficientFunds: { kind: "decline", declineCode: "insufficient_funds" },
  pm_card_authenticationRequired: { kind: "authenticate" },
};

/** A fixed price (2.9% + 30 minor units) so tests can predict the fee a charge reports. */
export const fakeCardFee = (amount: number) => Math.round(amount * 0.029) + 30;

const CHARGE_EXPANSIONS = new Set(["balance_transaction", "refunds"]);

export function createPaymentIntent(state: FakeStripeState, params: FormParams) {
  const amount = requiredAmountParam(params, "amount");
  const currency = requiredStringParam(params, "currency");
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}`, { param: "currency" });
  const destination = stringParam(objectParam(params, "transfer_data"), "destination");
  if (destination) requireTransferCapableAccount(state, destination, "transfer_data[destination]");
  const applicationFee = amountParam(params, "application_fee_amount");
  if (applicationFee !== undefined && !destination) {
    throw invalidRequest("Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment or destination payment.", {
      param: "application_fee_amount",
    });
  }
  if (applicationFee !== undefined && applicationFee > amount) throw invalidRequest("application_fee_amount must not exceed amount", { param: "application_fee_amount" });
  const paymentMethod = stringParam(params, "payment_method") ?? useConfirmationToken(state, stringParam(params, "confirmation_token"));
  const outcome = paymentMethod === undefined ? undefined : TEST_CARDS[paymentMethod];
  if (paymentMethod !== undefined && !outcome) throw noSuch("PaymentMethod", paymentMethod, "payment_method");
  const expand = expandParam(params);
  checkExpansions(expand);

  const id = newId("pi");
  const intent: FakePaymentIntent = {
    id,
    object: "payment_intent",
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application_fee_amount: applicationFee ?? null,
    capture_method: "automatic",
    client_secret: `${id}_secret_${newId("cs").slice(3)}`,
    created: unixNow(),
    currency,
    description: stringParam(params, "description") ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: metadataParam(params),
    next_action: null,
    payment_method: paymentMethod ?? null,
    payment_method_types: ["card"],
    status: paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: destination ? { destination } : null,
    transfer_group: stringParam(params, "transfer_group") ?? null,
  };
  state.paymentIntents.set(id, intent);
  if (booleanParam(params, "confirm")) {
    if (!outcome) throw invalidRequest("You cannot confirm this PaymentIntent because it's missing a payment method.", { code: "payment_intent_unexpected_state" });
    confirm(state, intent, outcome, expand);
  }
  return paymentIntentView(state, intent, expand);
}

/** The payment method a ConfirmationToken carries; like Stripe, a token confirms one intent. */
function useConfirmationToken(state: FakeStripeState, tokenId: string | undefined): string | undefined {
  if (tokenId === undefined) return undefined;
  const token = state.confirmationTokens.get(tokenId);
  if (!token) throw noSuch("confirmation_token", tokenId, "confirmation_token");
  if (token.used) throw invalidRequest("This ConfirmationToken has already been used.", { code: "confirmation_token_already_used", param: "confirmation_token" });
  token.used = true;
  return token.payment_method;
}

/**
 * The shopper's answer to the bank's 3-D Secure challenge that Stripe.js's handleNextAction shows:
 * completed, the charge goes through as the card's own outcome; failed, the attempt fails
 * (`payment_intent_authentication_failure`) and the intent asks for another payment method.
 */
export function authenticatePaymentIntent(state: FakeStripeState, id: string, params: FormParams) {
  const intent = state.paymentIntents.get(id);
  if (!intent || stringParam(params, "client_secret") !== intent.client_secret) throw noSuch("payment_intent", id, "intent");
  if (intent.status !== "requires_action") {
    throw invalidRequest(`This PaymentIntent's status is ${intent.status}; there is no next action to handle.`, { code: "payment_intent_unexpected_state" });
  }
  intent.next_action = null;
  if (stringParam(params, "outcome") === "complete") {
    confirm(state, intent, { kind: "approve" }, []);
    return paymentIntentView(state, intent, []);
  }
  intent.status = "requires_payment_method";
  intent.last_payment_error = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    payment_method: { id: intent.payment_method ?? "", object: "payment_method", type: "card" },
  };
  return paymentIntentView(state, intent, []);
}

export function retrievePaymentIntent(state: FakeStripeState, id: string, params: FormParams) {
  const intent = state.paymentIntents.get(id);
  if (!intent) throw noSuch("payment_intent", id, "intent");
  const expand = expandParam(params);
  checkExpansions(expand);
  return paymentIntentView(state, intent, expand);
}

/**
 * `GET /v1/payment_intents`: the platform's intents in a `created` range, newest first, paged like
 * every list. Expansions name the listed objects' fields under `data.` (`data.latest_charge`).
 */
export function listPaymentIntents(state: FakeStripeState, params: FormParams) {
  const expand = expandParam(params).map((path) => {
    if (!path.startsWith("data.")) throw invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
    return path.slice("data.".length);
  });
  checkExpansions(expand);
  const created = createdWithin(params);
  // By creation time, as Stripe orders lists: tests may move an intent's `created`.
  const newestFirst = [...state.paymentIntents.values()].filter(created).reverse().sort((a, b) => b.created - a.created);
  return listPage(newestFirst.map((intent) => paymentIntentView(state, intent, expand)), params, "/v1/payment_intents");
}

function confirm(state: FakeStripeState, intent: FakePaymentIntent, outcome: CardOutcome, expand: string[]): void {
  if (outcome.kind === "authenticate") {
    intent.status = "requires_action";
    intent.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } };
    return;
  }
  const charge = chargeFor(state, intent, outcome);
  intent.latest_charge = charge.id;
  if (outcome.kind === "approve") {
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    return;
  }
  intent.status = "requires_payment_method";
  intent.last_payment_error = {
    type: "card_error",
    code: "card_declined",
    decline_code: outcome.declineCode,
    message: "Your card was declined.",
    charge: charge.id,
    payment_method: { id: charge.payment_method, object: "payment_method", type: "card" },
  };
  // Like Stripe, a decline during a confirming create is a 402 that still carries the intent.
  throw new FakeStripeError(402, {
    type: "card_error",
    code: "card_declined",
    decline_code: outcome.declineCode,
    message: "Your card was declined.",
    charge: charge.id,
    payment_intent: paymentIntentView(state, intent, expand),
  });
}

function chargeFor(state: FakeStripeState, intent: FakePaymentIntent, outcome: CardOutcome): FakeCharge {
  const approved = outcome.kind === "approve";
  const charge: FakeCharge = {
    id: newId("ch"),
    object: "charge",
    amount: intent.amount,
    amount_captured: approved ? intent.amount : 0,
    amount_refunded: 0,
    application_fee_amount: intent.application_fee_amount,
    application_fee: null,
    balance_transaction: null,
    captured: approved,
    created: unixNow(),
    currency: intent.currency,
    disputed: false,
    failure_code: approved ? null : "card_declined",
    failure_message: approved ? null : "Your card was declined.",
    livemode: false,
    metadata: { ...intent.metadata },
    outcome: approved
      ? { type: "authorized", network_status: "approved_by_network", reason: null }
      : { type: "issuer_declined", network_status: "declined_by_network", reason: outcome.kind === "decline" ? outcome.declineCode : null },
    paid: approved,
    payment_intent: intent.id,
    payment_method: intent.payment_method ?? "",
    refunded: false,
    status: approved ? "succeeded" : "failed",
    transfer: null,
    transfer_data: intent.transfer_data,
    transfer_group: intent.transfer_group,
  };
  state.charges.set(charge.id, charge);
  if (!approved) return charge;

  const fee = fakeCardFee(charge.amount);
  const balanceTransaction: FakeBalanceTransaction = {
    id: newId("txn"),
    object: "balance_transaction",
    amount: charge.amount,
    currency: charge.currency,
    fee,
    net: charge.amount - fee,
    source: charge.id,
    status: "pending",
    type: "charge",
  };
  state.balanceTransactions.set(balanceTransaction.id, balanceTransaction);
  charge.balance_transaction = balanceTransaction.id;
  if (intent.transfer_data) {
    // A destination charge transfers the whole amount to the connected account, then collects the application fee from it.
    const transfer = createTransferRecord(state, {
      amount: charge.amount,
      currency: charge.currency,
      destination: intent.transfer_data.destination,
      source_transaction: charge.id,
      transfer_group: intent.transfer_group,
    });
    charge.transfer = transfer.id;
    if (intent.application_fee_amount) charge.application_fee = collectApplicationFee(state, charge, transfer.destination, intent.application_fee_amount).id;
  }
  return charge;
}

function checkExpansions(expand: string[]): void {
  for (const path of expand) {
    const [head, ...rest] = path.split(".");
    const nested = rest.join(".");
    if (head !== "latest_charge" || (nested && !CHARGE_EXPANSIONS.has(nested))) throw invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
  }
}

function paymentIntentView(state: FakeStripeState, intent: FakePaymentIntent, expand: string[]) {
  const charge = intent.latest_charge ? state.charges.get(intent.latest_charge) : undefined;
  const chargeExpand = expand.filter((path) => path.startsWith("latest_charge.")).map((path) => path.slice("latest_charge.".length));
  const expandCharge = charge && expand.some((path) => path === "latest_charge" || path.startsWith("latest_charge."));
  return { ...intent, latest_charge: expandCharge ? chargeView(state, charge, chargeExpand) : intent.latest_charge };
}

function chargeView(state: FakeStripeState, charge: FakeCharge, expand: string[]) {
  const balanceTransaction = charge.balance_transaction && expand.includes("balance_transaction") ? state.balanceTransactions.get(charge.balance_transaction) : undefined;
  return {
    ...charge,
    balance_transaction: balanceTransaction ?? charge.balance_transaction,
    // `refunds` is an includable list: Stripe leaves it out of a charge unless it is expanded.
    ...(expand.includes("refunds") ? { refunds: listRefunds(state, { charge: charge.id }) } : {}),
  };
}

export function createRefund(state: FakeStripeState, params: FormParams) {
  const intentId = stringParam(params, "payment_intent");
  const chargeId = stringParam(params, "charge") ?? (intentId ? state.paymentIntents.get(intentId)?.latest_charge : undefined);
  if (!intentId && !chargeId) throw invalidRequest("One of `charge` or `payment_intent` is required.");
  if (intentId && !state.paymentIntents.has(intentId)) throw noSuch("payment_intent", intentId, "payment_intent");
  const charge = chargeId ? state.charges.get(chargeId) : undefined;
  if (charge?.status !== "succeeded") {
    throw invalidRequest("This PaymentIntent does not have a successful charge to refund.", { code: "payment_intent_unexpected_state" });
  }
  const refundable = charge.amount_captured - charge.amount_refunded;
  if (refundable === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
  const amount = amountParam(params, "amount") ?? refundable;
  if (amount > refundable) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`, { code: "amount_too_large", param: "amount" });
  }
  const reverseTransfer = booleanParam(params, "reverse_transfer");
  const transfer = charge.transfer ? state.transfers.get(charge.transfer) : undefined;
  if (reverseTransfer && !transfer) throw invalidRequest("This charge has no transfer to reverse.", { param: "reverse_transfer" });
  const applicationFee = charge.application_fee ? state.applicationFees.get(charge.application_fee) : undefined;
  const refundFee = booleanParam(params, "refund_application_fee");
  if (refundFee && !applicationFee) throw invalidRequest("This charge has no application fee to refund.", { param: "refund_application_fee" });

  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  let transferReversal: string | null = null;
  if (reverseTransfer && transfer) {
    // The connected account gives back the transfer in proportion to the refund, from its balance.
    const reversed = Math.floor((amount * transfer.amount) / charge.amount);
    transfer.amount_reversed += reversed;
    transfer.reversed = transfer.amount_reversed === transfer.amount;
    adjustBalance(state, transfer.destination, transfer.currency, -reversed);
    transferReversal = newId("trr");
  }
  if (refundFee && applicationFee) refundApplicationFee(state, applicationFee, charge, amount);
  const refund = {
    id: newId("re"),
    object: "refund" as const,
    amount,
    charge: charge.id,
    created: unixNow(),
    currency: charge.currency,
    metadata: metadataParam(params),
    payment_intent: charge.payment_intent,
    reason: stringParam(params, "reason") ?? null,
    status: "succeeded" as const,
    transfer_reversal: transferReversal,
  };
  state.refunds.set(refund.id, refund);
  return refund;
}

function collectApplicationFee(state: FakeStripeState, charge: FakeCharge, account: string, amount: number): FakeApplicationFee {
  const fee: FakeApplicationFee = { id: newId("fee"), object: "application_fee", account, amount, amount_refunded: 0, charge: charge.id, currency: charge.currency, refunded: false };
  state.applicationFees.set(fee.id, fee);
  adjustBalance(state, account, charge.currency, -amount);
  return fee;
}

/** In proportion to the amount refunded; the refund that completes the charge's gives back all that is left. */
function refundApplicationFee(state: FakeStripeState, fee: FakeApplicationFee, charge: FakeCharge, refunded: number): void {
  const back = charge.refunded ? fee.amount - fee.amount_refunded : Math.floor((refunded * fee.amount) / charge.amount);
  fee.amount_refunded += back;
  fee.refunded = fee.amount_refunded === fee.amount;
  adjustBalance(state, fee.account, fee.currency, back);
}

export function listRefunds(state: FakeStripeState, params: FormParams) {
  const intentId = stringParam(params, "payment_intent");
  const chargeId = stringParam(params, "charge");
  const matching = [...state.refunds.values()].filter((refund) => (!intentId || refund.payment_intent === intentId) && (!chargeId || refund.charge === chargeId));
  return listPage(matching.reverse(), params, "/v1/refunds");
}

/** Test helper, not an endpoint: the cardholder's bank disputes the payment's charge. */
export function openDispute(state: FakeStripeState, paymentIntentId: string, dispute: { status: FakeDispute["status"]; amount?: number }): FakeDispute {
  const intent = state.paymentIntents.get(paymentIntentId);
  const charge = intent?.latest_charge ? state.charges.get(intent.latest_charge) : undefined;
  if (charge?.status !== "succeeded") throw new Error(`No successful charge to dispute on ${paymentIntentId}`);
  charge.disputed = true;
  const record: FakeDispute = {
    id: newId("dp"),
    object: "dispute",
    amount: dispute.amount ?? charge.amount,
    charge: charge.id,
    created: unixNow(),
    currency: charge.currency,
    payment_intent: paymentIntentId,
    reason: "fraudulent",
    status: dispute.status,
  };
  state.disputes.set(record.id, record);
  return record;
}

/** Test helper, not an endpoint: the bank decides the dispute (`lost`: the cardholder keeps the money). */
export function closeDispute(state: FakeStripeState, disputeId: string, status: "won" | "lost"): FakeDispute {
  const dispute = state.disputes.get(disputeId);
  if (!dispute) throw new Error(`No dispute ${disputeId}`);
  dispute.status = status;
  return dispute;
}

export function listDisputes(state: FakeStripeState, params: FormParams) {
  const intentId = stringParam(params, "payment_intent");
  const matching = [...state.disputes.values()].filter((dispute) => !intentId || dispute.payment_intent === intentId);
  return listPage(matching.reverse(), params, "/v1/disputes");
}

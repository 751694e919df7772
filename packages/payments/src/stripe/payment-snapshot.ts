import type Stripe from "stripe";
import type { ListedProviderPayment, ProviderPaymentSnapshot } from "../provider.ts";
import { paymentIntentOutcome } from "./payment-intent-outcome.ts";
import { toProviderRefund } from "./stripe-refunds.ts";

/** One request brings the charge, its fee and its first refunds along with the intent. */
const EXPAND = ["latest_charge.balance_transaction", "latest_charge.refunds"];

/** A PaymentIntent as Stripe holds it now: status, fee, refunds and lost disputes. */
export async function fetchPaymentSnapshot(stripe: Stripe, providerPaymentId: string): Promise<ProviderPaymentSnapshot> {
  const intent = await stripe.paymentIntents.retrieve(providerPaymentId, { expand: EXPAND });
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const balanceTransaction = typeof charge?.balance_transaction === "object" ? charge.balance_transaction : null;
  const { created: _created, ...listed } = listedPayment(intent);
  return {
    ...listed,
    fee: balanceTransaction ? BigInt(balanceTransaction.fee) : undefined,
    refunds: charge ? (await refundsOf(stripe, intent.id, charge)).map(toProviderRefund) : [],
    chargedBack: charge?.disputed ? await lostDisputesTotal(stripe, intent.id) : undefined,
  };
}

/**
 * An intent in our terms, whether fetched or listed: a charge refunded in full reads as refunded
 * (Stripe leaves the intent `succeeded`), which it can tell only with `latest_charge` expanded.
 */
export function listedPayment(intent: Stripe.PaymentIntent): ListedProviderPayment {
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const fullyRefunded = charge !== null && charge.amount_refunded > 0 && charge.amount_refunded >= charge.amount_captured;
  return {
    providerPaymentId: intent.id,
    status: fullyRefunded ? "refunded" : paymentIntentOutcome(intent).status,
    amount: BigInt(intent.amount),
    currency: intent.currency.toUpperCase(),
    tenantId: intent.metadata.tenantId,
    paymentId: intent.metadata.paymentId,
    created: new Date(intent.created * 1000),
  };
}

async function refundsOf(stripe: Stripe, intentId: string, charge: Stripe.Charge): Promise<Stripe.Refund[]> {
  if (charge.refunds && !charge.refunds.has_more) return charge.refunds.data;
  // More refunds than a charge includes: page through all of them.
  const refunds: Stripe.Refund[] = [];
  for await (const refund of stripe.refunds.list({ payment_intent: intentId, limit: 100 })) refunds.push(refund);
  return refunds;
}

async function lostDisputesTotal(stripe: Stripe, intentId: string): Promise<bigint> {
  let total = 0n;
  for await (const dispute of stripe.disputes.list({ payment_intent: intentId, limit: 100 })) if (dispute.status === "lost") total += BigInt(dispute.amount);
  return total;
}

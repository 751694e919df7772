import type Stripe from "stripe";
import type { ProviderRefund, RefundInput } from "../provider.ts";
import { toStripeAmount } from "./minor-units.ts";

/**
 * Refunds part or all of a payment. A destination charge also takes the refunded amount back from
 * the seller (`reverse_transfer`, in proportion to the transfer: all of it), so the platform
 * doesn't fund the refund; and gives the seller our application fee back in proportion when the
 * store's policy returns commission (`refund_application_fee`), else Stripe keeps it with us.
 * The transfers of a separate-charges payment are left alone: they were made apart from the charge,
 * and taking a seller's share back from them is a decision of its own.
 */
export async function refundPayment(stripe: Stripe, input: RefundInput): Promise<ProviderRefund> {
  const intent = await stripe.paymentIntents.retrieve(input.providerPaymentId);
  const refund = await stripe.refunds.create(
    {
      payment_intent: intent.id,
      amount: toStripeAmount(input.amount, "refund amount"),
      ...(intent.transfer_data ? { reverse_transfer: true, refund_application_fee: input.returnCommission } : {}),
    },
    { idempotencyKey: input.idempotencyKey },
  );
  return toProviderRefund(refund);
}

export function toProviderRefund(refund: Stripe.Refund): ProviderRefund {
  return { providerRefundId: refund.id, amount: BigInt(refund.amount), status: refundStatus(refund.status) };
}

function refundStatus(status: string | null): ProviderRefund["status"] {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "canceled") return "failed";
  return "pending";
}

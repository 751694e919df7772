import type { Tx } from "@primestore/db";
import { PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS, type ProviderId, type ProviderRefund } from "@primestore/payments";
import { recordEvent } from "../outbox/index.ts";
import { bookRefund } from "./bookkeeping.ts";

/**
 * The commission a refund gives back: under the `reverse` policy, the payment's commission in
 * proportion to what has been refunded so far, less what earlier refunds gave back; so partial
 * refunds adding up to the whole give back exactly the whole commission, never a cent more.
 */
export function commissionToReverse(payment: { commissionAmount: bigint; capturedAmount: bigint }, refundedBefore: bigint, amount: bigint, reversedBefore: bigint): bigint {
  if (payment.capturedAmount === 0n) return 0n;
  return (payment.commissionAmount * (refundedBefore + amount)) / payment.capturedAmount - reversedBefore;
}

/**
 * A refund the provider confirmed: booked in the ledger, the payment and order marked (fully or
 * partly refunded) with a line on the order's timeline. Guarded on `pending`, so a webhook and the
 * portal's own answer reporting the same refund book it once.
 */
export async function completeRefund(tx: Tx, tenantId: string, refundId: string, providerRefundId: string): Promise<boolean> {
  const moved = await tx.refund.updateMany({ where: { id: refundId, status: "pending" }, data: { status: "succeeded", providerRefundId } });
  if (moved.count === 0) return false;
  const refund = await tx.refund.findUniqueOrThrow({ where: { id: refundId }, include: { payment: true } });
  const { payment } = refund;
  await bookRefund(tx, tenantId, payment, refund);
  const refunded = await tx.refund.aggregate({ where: { paymentId: payment.id, status: "succeeded" }, _sum: { amount: true } });
  const whole = (refunded._sum.amount ?? 0n) >= payment.capturedAmount;
  await tx.payment.update({ where: { id: payment.id }, data: { status: whole ? "refunded" : "partially_refunded" } });
  const order = await tx.order.findUniqueOrThrow({ where: { id: payment.orderId }, select: { status: true } });
  const status = whole ? "refunded" : order.status;
  if (whole) await tx.order.update({ where: { id: payment.orderId }, data: { status } });
  await tx.orderStatusChange.create({ data: { tenantId, orderId: payment.orderId, status, note: `refund:${refund.amount}:${refund.currency}` } });
  await recordEvent(tx, tenantId, "payment.refunded", { orderId: payment.orderId, paymentId: payment.id, refundId, amount: refund.amount.toString() });
  return true;
}

/** The provider refused the refund: the amount it had reserved on the payment is refundable again. */
export async function failRefund(tx: Tx, refundId: string, reason: string): Promise<boolean> {
  const refund = await tx.refund.findUnique({ where: { id: refundId } });
  if (refund?.status !== "pending") return false;
  const moved = await tx.refund.updateMany({ where: { id: refundId, status: "pending" }, data: { status: "failed", failureReason: reason.slice(0, 500) } });
  if (moved.count === 0) return false;
  await tx.payment.update({ where: { id: refund.paymentId }, data: { refundedAmount: { decrement: refund.amount } } });
  return true;
}

/**
 * Reserves `amount` of the payment for a new refund; the database refuses more than was captured.
 * The commission it gives back follows the store's policy, except where the provider returns our
 * fee itself (Mercado Pago): the ledger books what the provider does.
 */
export async function openRefund(
  tx: Tx,
  tenantId: string,
  payment: { id: string; provider: ProviderId; currency: string; commissionAmount: bigint; capturedAmount: bigint; refundedAmount: bigint },
  refund: { amount: bigint; idempotencyKey: string; reason?: string; requestedBy: string; providerRefundId?: string },
) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { refundCommission: true } });
  const reversed = await tx.refund.aggregate({ where: { paymentId: payment.id, status: { not: "failed" } }, _sum: { commissionReversed: true } });
  const reverses = tenant.refundCommission === "reverse" || PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS.includes(payment.provider);
  const commissionReversed = reverses ? commissionToReverse(payment, payment.refundedAmount, refund.amount, reversed._sum.commissionReversed ?? 0n) : 0n;
  await tx.payment.update({ where: { id: payment.id }, data: { refundedAmount: { increment: refund.amount } } });
  return tx.refund.create({
    data: {
      tenantId,
      paymentId: payment.id,
      amount: refund.amount,
      currency: payment.currency,
      reason: refund.reason,
      requestedBy: refund.requestedBy,
      idempotencyKey: refund.idempotencyKey,
      providerRefundId: refund.providerRefundId,
      commissionReversed,
    },
  });
}

/**
 * A refund the provider reports (its webhook, or reconciliation): ours if we asked for it, else
 * one made at the provider (its dashboard) that we record now. One of ours still waiting for its
 * provider id is matched by amount, so a webhook racing the portal's answer doesn't count it twice.
 */
export async function recordProviderRefund(
  tx: Tx,
  tenantId: string,
  payment: { id: string; provider: ProviderId; currency: string; commissionAmount: bigint; capturedAmount: bigint; refundedAmount: bigint },
  reported: ProviderRefund,
): Promise<void> {
  const known =
    (await tx.refund.findFirst({ where: { paymentId: payment.id, providerRefundId: reported.providerRefundId } })) ??
    (await tx.refund.findFirst({ where: { paymentId: payment.id, providerRefundId: null, status: "pending", amount: reported.amount }, orderBy: { createdAt: "asc" } }));
  if (reported.status === "failed") {
    if (known) await failRefund(tx, known.id, "refused by the provider");
    return;
  }
  const refund =
    known ??
    (await openRefund(tx, tenantId, payment, {
      amount: reported.amount,
      idempotencyKey: `provider:${reported.providerRefundId}`,
      requestedBy: "provider",
      providerRefundId: reported.providerRefundId,
    }));
  if (reported.status === "succeeded") await completeRefund(tx, tenantId, refund.id, reported.providerRefundId);
}

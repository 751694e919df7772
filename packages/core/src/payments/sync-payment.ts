import type { Tx } from "@primestore/db";
import type { ProviderPaymentSnapshot } from "@primestore/payments";
import { settlePaymentInTx } from "../orders/settle-payment.ts";
import { bookChargeback, bookGatewayFee } from "./bookkeeping.ts";
import { lockPayment } from "./lock-payment.ts";
import { recordMoneyRelease } from "./record-money-release.ts";
import { recordProviderRefund } from "./refund-outcome.ts";

export type SyncOutcome = "synced" | "not_found" | "mismatch";

/**
 * Moves our payment to what the provider holds now: captured (settling the order), failed, fees,
 * refunds and chargebacks. Every step is guarded or keyed, so any number of webhooks, in any
 * order, replayed or not, end in the same state: a refund reported before its payment's
 * capture first books the capture, then the refund. Returns `mismatch` without changing anything
 * when the provider's payment isn't this one (another amount, currency or payment id).
 */
export async function syncPaymentInTx(tx: Tx, tenantId: string, paymentId: string, snapshot: ProviderPaymentSnapshot): Promise<SyncOutcome> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) return "not_found";
  if (
    snapshot.amount !== payment.amount ||
    snapshot.currency.toUpperCase() !== payment.currency ||
    (snapshot.paymentId && snapshot.paymentId !== payment.id) ||
    (payment.providerPaymentId && payment.providerPaymentId !== snapshot.providerPaymentId)
  ) {
    return "mismatch";
  }
  const report = { providerPaymentId: snapshot.providerPaymentId };
  if (snapshot.status === "paid" || snapshot.status === "refunded" || snapshot.refunds.length || snapshot.chargedBack) {
    await settlePaymentInTx(tx, tenantId, payment.id, "paid", report);
  } else if (snapshot.status === "failed") {
    await settlePaymentInTx(tx, tenantId, payment.id, "failed", report);
  }
  const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
  // Money moved only once captured; a late capture of an expired payment is reconciliation's to flag.
  if (current.capturedAmount === 0n) return "synced";
  await recordMoneyRelease(tx, current, snapshot.moneyRelease);
  if (snapshot.fee) await bookGatewayFee(tx, tenantId, current, snapshot.fee);
  for (const refund of snapshot.refunds) {
    await recordProviderRefund(tx, tenantId, await tx.payment.findUniqueOrThrow({ where: { id: payment.id } }), refund);
  }
  const chargedBack = snapshot.chargedBack ?? 0n;
  if (chargedBack > current.chargedBackAmount) {
    await bookChargeback(tx, tenantId, current, chargedBack - current.chargedBackAmount, `${payment.id}:${chargedBack}`);
    await tx.payment.update({ where: { id: payment.id }, data: { chargedBackAmount: chargedBack } });
  }
  return "synced";
}

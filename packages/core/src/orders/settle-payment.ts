import { type Db, type PreparedStatement, type Prisma, runPrepared, type Tx, withTenant } from "@primestore/db";
import { reopenConvertedCarts } from "../cart/checkout.ts";
import { ledgerEntriesJson } from "../ledger/index.ts";
import { recordEvent } from "../outbox/index.ts";
import { capturePosting, type PaymentRow } from "../payments/bookkeeping.ts";
import { releaseReservations } from "./stock.ts";

export type PaymentOutcome = "paid" | "failed" | "expired";

/** What the provider said with the outcome, kept on the payment for support. */
export interface ProviderReport {
  providerPaymentId?: string;
  details?: Prisma.InputJsonObject;
}

/**
 * The single entry point for a payment's outcome: the checkout (a card's immediate answer), the
 * providers' webhooks, the expiry sweep and the sandbox's "simulate payment" button all come
 * here. Only a pending payment moves, under its row lock, so it is idempotent and race-safe:
 * paid twice commits the stock once, paid after expired (or expired after paid) changes nothing.
 * Returns whether this call settled it.
 *
 * - paid: the held stock leaves the shelf, the order is paid, the capture is booked in the
 *   ledger, `order.paid` is recorded.
 * - failed / expired: the held stock is free again, the order is cancelled (note
 *   `payment_failed` / `payment_expired`), its cart reopens, `order.cancelled` is recorded.
 */
export async function settlePaymentInTx(tx: Tx, tenantId: string, paymentId: string, outcome: PaymentOutcome, report: ProviderReport = {}): Promise<boolean> {
  if (outcome === "paid") {
    const [pending] = await tx.$queryRaw<Array<PaymentRow & { commissionBps: number }>>`
      SELECT p.id, p.provider, p.amount, p.currency, t."commissionBps" FROM payments p JOIN tenants t ON t.id = p."tenantId"
      WHERE p.id = ${paymentId}::uuid AND p.status = 'pending'`;
    return pending ? settlePaid(tx, tenantId, pending, pending.commissionBps, report) : false;
  }
  const locked = await tx.$queryRaw<Array<{ orderId: string }>>`
    SELECT "orderId" FROM payments WHERE id = ${paymentId}::uuid AND status = 'pending' FOR UPDATE`;
  const payment = locked[0];
  if (!payment) return false;
  const { orderId } = payment;
  await tx.payment.update({
    where: { id: paymentId },
    data: { status: outcome, ...(report.providerPaymentId ? { providerPaymentId: report.providerPaymentId } : {}), ...(report.details ? { details: report.details } : {}) },
  });
  await reopenConvertedCarts(tx, await releaseReservations(tx, orderId));
  await tx.order.updateMany({ where: { id: orderId, status: "pending_payment" }, data: { status: "cancelled" } });
  await tx.orderStatusChange.create({ data: { tenantId, orderId, status: "cancelled", note: `payment_${outcome}` } });
  await recordEvent(tx, tenantId, "order.cancelled", { orderId, paymentId, reason: `payment_${outcome}` });
  return true;
}

const settlePaidStatement: PreparedStatement = {
  name: "primestore_settle_paid",
  text: "SELECT primestore_settle_paid($1::uuid, $2::uuid, $3::jsonb, $4::jsonb, $5::jsonb) AS settled",
};

/**
 * `settlePaymentInTx`'s paid outcome in one statement (primestore_settle_paid, docs/decisions/019),
 * for a payment whose amount and store commission the caller knows: on the pool it is its own
 * transaction, so the checkout pays a card without opening one. `alsoRecord` are events to record
 * with it, after `order.paid`.
 */
export async function settlePaid(
  db: Db | Tx,
  tenantId: string,
  payment: PaymentRow,
  commissionBps: number,
  report: ProviderReport,
  alsoRecord: Array<{ type: string; payload: Prisma.InputJsonObject }> = [],
): Promise<boolean> {
  const { posting, commission } = capturePosting(payment, commissionBps);
  const capture = `{"amount":"${payment.amount}","commission":"${commission}","entries":${ledgerEntriesJson(posting)}}`;
  const values = [tenantId, payment.id, JSON.stringify(report), capture, JSON.stringify(alsoRecord)];
  const [row] = await runPrepared<{ settled: boolean }>(db, settlePaidStatement, values);
  return row!.settled;
}

export function settlePayment(db: Db, tenant: { id: string }, paymentId: string, outcome: PaymentOutcome, report?: ProviderReport): Promise<boolean> {
  return withTenant(db, tenant.id, (tx) => settlePaymentInTx(tx, tenant.id, paymentId, outcome, report));
}

export interface ExpiryRun {
  expired: number;
  /** Payments whose settlement threw: left pending for the next run, reported for the log. */
  failed: Array<{ paymentId: string; error: unknown }>;
}

/**
 * Pending payments past their expiry, across stores (the admin client reads them; each is then
 * settled through its own store's row-level security). One payment that can't be settled doesn't
 * hold up the others.
 */
export async function expireOverduePayments(adminDb: Db, db: Db, options: { now?: Date; limit?: number } = {}): Promise<ExpiryRun> {
  const overdue = await adminDb.payment.findMany({
    where: { status: "pending", expiresAt: { lt: options.now ?? new Date() } },
    select: { id: true, tenantId: true },
    orderBy: { expiresAt: "asc" },
    take: options.limit ?? 100,
  });
  const run: ExpiryRun = { expired: 0, failed: [] };
  for (const payment of overdue) {
    try {
      if (await settlePayment(db, { id: payment.tenantId }, payment.id, "expired")) run.expired++;
    } catch (error) {
      run.failed.push({ paymentId: payment.id, error });
    }
  }
  return run;
}

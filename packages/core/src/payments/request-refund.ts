import { type Db, type Tx, withTenant } from "@primestore/db";
import { recordAudit } from "../audit/index.ts";
import { AppError } from "../errors/index.ts";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";
import { lockPayment } from "./lock-payment.ts";
import { completeRefund, failRefund, openRefund } from "./refund-outcome.ts";

export interface RefundRequest {
  paymentId: string;
  amount: bigint;
  reason?: string;
  /** The seller's user id. */
  requestedBy: string;
  /** From the refund form: a double submit makes one refund. */
  idempotencyKey: string;
}

export interface RefundSummary {
  id: string;
  amount: bigint;
  currency: string;
  status: "pending" | "succeeded" | "failed";
}

const summary = (refund: RefundSummary): RefundSummary => ({ id: refund.id, amount: refund.amount, currency: refund.currency, status: refund.status });

/**
 * A seller's refund: (1) reserve the amount on the payment and record the refund, pending;
 * (2) ask the provider, keyed by our refund id; (3) record its answer. A crash between leaves a
 * pending refund that `retryPendingRefunds` asks about again with the same key: one refund.
 */
export async function requestRefund(db: Db, gateway: PaymentGateway, tenantId: string, request: RefundRequest): Promise<RefundSummary> {
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenantId, fn);
  const opened = await scoped(async (tx) => {
    const payment = await lockPayment(tx, request.paymentId);
    if (!payment) throw new AppError("NOT_FOUND", "No such payment");
    // Under the payment's lock: a double submit's twin has either committed its refund or not started.
    const existing = await tx.refund.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: request.idempotencyKey } } });
    if (existing) return existing;
    if (!["paid", "partially_refunded"].includes(payment.status) || payment.capturedAmount === 0n) throw new AppError("REFUND_NOT_ALLOWED");
    if (request.amount > payment.capturedAmount - payment.refundedAmount - payment.chargedBackAmount) {
      throw new AppError("REFUND_EXCEEDS_CAPTURED", "More than is left to refund", { refundable: (payment.capturedAmount - payment.refundedAmount - payment.chargedBackAmount).toString() });
    }
    const opened = await openRefund(tx, tenantId, payment, request);
    await recordAudit(tx, tenantId, { type: "user", id: request.requestedBy }, {
      action: "refund.requested",
      entity: "refund",
      entityId: opened.id,
      data: { paymentId: payment.id, amount: opened.amount.toString(), currency: opened.currency, ...(request.reason ? { reason: request.reason } : {}) },
    });
    return opened;
  });
  if (opened.status !== "pending") return summary(opened);
  return askProvider(db, gateway, tenantId, opened.id);
}

/** Step (2) and (3): ask the provider about a pending refund and record what it says. */
export async function askProvider(db: Db, gateway: PaymentGateway, tenantId: string, refundId: string): Promise<RefundSummary> {
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenantId, fn);
  const { refund, account } = await scoped(async (tx) => {
    const refund = await tx.refund.findUniqueOrThrow({ where: { id: refundId }, include: { payment: true } });
    return { refund, account: await connectedAccount(tx, gateway, tenantId, refund.payment.provider) };
  });
  const provider = providerOf(gateway, refund.payment.provider);
  let answer: Awaited<ReturnType<typeof provider.refund>>;
  try {
    answer = await provider.refund({
      providerPaymentId: refund.payment.providerPaymentId ?? "",
      amount: refund.amount,
      idempotencyKey: refund.id,
      account,
      // What openRefund booked, so the provider and the ledger agree on who keeps the commission.
      returnCommission: refund.commissionReversed > 0n,
    });
  } catch (error) {
    // Unknown outcome (timeout, 5xx): the refund stays pending and is asked again, same key.
    throw new AppError("PAYMENT_PROVIDER_FAILED", error instanceof Error ? error.message : String(error));
  }
  return scoped(async (tx) => {
    await lockPayment(tx, refund.paymentId);
    if (answer.status === "succeeded") await completeRefund(tx, tenantId, refund.id, answer.providerRefundId);
    else if (answer.status === "failed") await failRefund(tx, refund.id, "refused by the provider");
    else await tx.refund.updateMany({ where: { id: refund.id, providerRefundId: null }, data: { providerRefundId: answer.providerRefundId } });
    return summary(await tx.refund.findUniqueOrThrow({ where: { id: refund.id } }));
  });
}

/** Refunds a crash or an outage left pending, across stores: asked again with their own key. */
export async function retryPendingRefunds(adminDb: Db, db: Db, gateway: PaymentGateway, olderThan: Date): Promise<{ retried: number; failed: Array<{ refundId: string; error: unknown }> }> {
  const pending = await adminDb.refund.findMany({
    where: { status: "pending", providerRefundId: null, createdAt: { lt: olderThan } },
    select: { id: true, tenantId: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  const run = { retried: 0, failed: [] as Array<{ refundId: string; error: unknown }> };
  for (const refund of pending) {
    try {
      await askProvider(db, gateway, refund.tenantId, refund.id);
      run.retried++;
    } catch (error) {
      run.failed.push({ refundId: refund.id, error });
    }
  }
  return run;
}

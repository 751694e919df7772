import { type Db, type Prisma, type Tx, withTenant } from "@primestore/db";
import type { ProviderPaymentSnapshot } from "@primestore/payments";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";
import { ledgerMismatch } from "./ledger-vs-provider.ts";
import { reconcilePayouts } from "./reconcile-payouts.ts";
import { type Mismatch, recordIssue } from "./reconciliation-issue.ts";
import { findUnknownAtProviders } from "./unknown-at-provider.ts";

export type { Mismatch } from "./reconciliation-issue.ts";

type PaymentRow = Prisma.PaymentGetPayload<object>;

const CAPTURED = new Set(["paid", "partially_refunded", "refunded"]);
const DAY_MS = 86_400_000;

/**
 * Where our payment and the provider's record of it disagree, as of `asOf`; the provider's side is
 * `actual`. Of a money release: the provider holding money we took as released (the store may have
 * been paid it), and money still held after the date the provider gave for its release. Of the
 * ledger: its refund and fee postings against what the provider refunded and kept.
 */
export async function compareWithProvider(tx: Tx, payment: PaymentRow, snapshot: ProviderPaymentSnapshot, asOf = new Date()): Promise<Mismatch[]> {
  const found: Mismatch[] = [];
  const capturedThere = snapshot.status === "paid" || snapshot.status === "refunded";
  // One side captured and the other didn't: amounts and fees can't agree either; that's one difference.
  if (capturedThere !== CAPTURED.has(payment.status)) return [{ kind: "status_mismatch", details: { ours: payment.status, provider: snapshot.status } }];
  if (capturedThere && payment.capturedAmount !== snapshot.amount) found.push({ kind: "amount_mismatch", expected: payment.capturedAmount, actual: snapshot.amount });
  const refundedThere = snapshot.refunds.filter((refund) => refund.status === "succeeded").reduce((sum, refund) => sum + refund.amount, 0n);
  const refundedHere = (await tx.refund.aggregate({ where: { paymentId: payment.id, status: "succeeded" }, _sum: { amount: true } }))._sum.amount ?? 0n;
  if (refundedThere !== refundedHere) found.push({ kind: "refund_mismatch", expected: refundedHere, actual: refundedThere });
  const feeThere = capturedThere ? snapshot.fee : undefined;
  if (feeThere !== undefined && feeThere !== payment.feeAmount) found.push({ kind: "fee_mismatch", expected: payment.feeAmount, actual: feeThere });
  // The ledger is held to the provider only where our rows agree with it: otherwise the difference is reported above already.
  const ledger = await ledgerMismatch(tx, payment, {
    ...(refundedThere === refundedHere ? { refund: refundedThere } : {}),
    ...(feeThere === payment.feeAmount ? { gateway_fee: feeThere } : {}),
  });
  if (ledger) found.push(ledger);
  const release = snapshot.moneyRelease;
  if (release && payment.moneyReleaseStatus === "released" && release.status !== "released") {
    found.push({ kind: "release_mismatch", actual: payment.capturedAmount, details: { ours: "released", provider: release.status, releaseDate: release.date.toISOString() } });
  } else if (release?.status === "pending" && capturedThere && release.date <= asOf) {
    found.push({ kind: "release_overdue", actual: payment.capturedAmount, details: { releaseDate: release.date.toISOString() } });
  }
  if (CAPTURED.has(payment.status)) {
    const booked = await tx.ledgerTransaction.findUnique({ where: { tenantId_kind_reference: { tenantId: payment.tenantId, kind: "capture", reference: payment.id } } });
    if (!booked) found.push({ kind: "missing_in_ledger", expected: payment.amount });
  }
  return found;
}

/**
 * The daily reconciliation: every provider payment of ours that changed on `day` (UTC), or whose
 * money was due for release that day, is fetched from its provider and compared with our
 * payment, refunds, ledger and release; the providers' payments created that day are listed
 * for those naming one of our stores that we don't hold (findUnknownAtProviders); and the day's
 * payouts are held to their providers and the ledger (reconcilePayouts). Differences are
 * recorded once per (store, day, kind, reference) for platform staff; nothing is corrected here,
 * since a difference means one side is wrong and a person decides which.
 */
export async function reconcileDay(adminDb: Db, db: Db, gateway: PaymentGateway, day: Date) {
  const start = new Date(Math.floor(day.getTime() / DAY_MS) * DAY_MS);
  const end = new Date(start.getTime() + DAY_MS);
  const payments = await adminDb.payment.findMany({
    where: {
      provider: { not: "test" },
      providerPaymentId: { not: null },
      OR: [{ updatedAt: { gte: start, lt: end } }, { moneyReleaseDate: { gte: start, lt: end } }],
    },
    select: { id: true, tenantId: true },
    orderBy: { id: "asc" },
  });
  let mismatches = 0;
  for (const { id, tenantId } of payments) {
    await withTenant(db, tenantId, async (tx) => {
      const payment = await tx.payment.findUniqueOrThrow({ where: { id } });
      const account = await connectedAccount(tx, gateway, tenantId, payment.provider);
      const found = await providerOf(gateway, payment.provider)
        .getPayment(payment.providerPaymentId!, account)
        .then((snapshot) => compareWithProvider(tx, payment, snapshot, end))
        .catch((error: unknown): Mismatch[] => [{ kind: "missing_at_provider", details: { error: String(error).slice(0, 300) } }]);
      mismatches += found.length;
      for (const mismatch of found) await recordIssue(tx, { tenantId, day: start, provider: payment.provider, reference: payment.id }, mismatch);
    });
  }
  const unknown = await findUnknownAtProviders(adminDb, db, gateway, { start, end });
  const payouts = await reconcilePayouts(adminDb, db, gateway, { start, end });
  return {
    checked: payments.length,
    payoutsChecked: payouts.checked,
    listed: unknown.listed,
    mismatches: mismatches + unknown.recorded + payouts.recorded,
    listingFailures: unknown.failures,
  };
}

/** Open differences across stores, newest day first: the platform staff's reconciliation view. */
export function openReconciliationIssues(adminDb: Db, limit = 200) {
  return adminDb.reconciliationIssue.findMany({
    where: { resolvedAt: null },
    orderBy: [{ day: "desc" }, { createdAt: "desc" }],
    take: limit,
    include: { tenant: { select: { slug: true, name: true } } },
  });
}

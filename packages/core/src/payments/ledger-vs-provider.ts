import type { Tx } from "@primestore/db";
import type { ProviderId } from "@primestore/payments";
import { ledgerAccounts, postedAmount } from "../ledger/index.ts";
import type { Mismatch } from "./reconciliation-issue.ts";

/** The postings checked against the provider, each by what it took out of the provider's cash. */
export type CheckedPosting = "refund" | "gateway_fee";

/**
 * Where the ledger disagrees with the provider about a payment: what its refund postings (one per
 * refund, keyed by the refund's id) took out of the provider's cash against what the provider
 * refunded, and its `gateway_fee` posting against the provider's fee. `providerSays` names only
 * the postings to check. One issue per payment and day, so postings that differ together are one
 * difference, their amounts summed and the postings named.
 */
export async function ledgerMismatch(
  tx: Tx,
  payment: { id: string; tenantId: string; provider: ProviderId },
  providerSays: Partial<Record<CheckedPosting, bigint>>,
): Promise<Mismatch | undefined> {
  const cash = ledgerAccounts.cash(payment.provider);
  const differing: CheckedPosting[] = [];
  let booked = 0n;
  let reported = 0n;
  for (const [posting, amount] of Object.entries(providerSays) as Array<[CheckedPosting, bigint]>) {
    const references = posting === "refund" ? (await tx.refund.findMany({ where: { paymentId: payment.id }, select: { id: true } })).map((refund) => refund.id) : [payment.id];
    // Money leaving the provider's cash is a credit: negative.
    const inLedger = -(await postedAmount(tx, payment.tenantId, cash, posting, references));
    if (inLedger === amount) continue;
    differing.push(posting);
    booked += inLedger;
    reported += amount;
  }
  return differing.length ? { kind: "ledger_mismatch", expected: booked, actual: reported, details: { posting: differing.join(", ") } } : undefined;
}

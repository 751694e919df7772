import type { Tx } from "@primestore/db";
import type { ProviderId } from "@primestore/payments";

/** A difference between our records and a provider's; the provider's side is `actual`. */
export interface Mismatch {
  kind:
    | "status_mismatch"
    | "amount_mismatch"
    | "refund_mismatch"
    | "fee_mismatch"
    | "release_mismatch"
    | "release_overdue"
    | "missing_in_ledger"
    | "missing_at_provider"
    | "ledger_mismatch"
    | "unknown_at_provider"
    | "listing_failed"
    | "payout_status_mismatch"
    | "payout_amount_mismatch"
    | "payout_missing_at_provider"
    | "payout_read_failed"
    | "payout_ledger_mismatch";
  expected?: bigint;
  actual?: bigint;
  details?: Record<string, string>;
}

/**
 * Records a difference for platform staff once per (store, day, kind, reference): running the
 * same day again updates it instead of adding another. `reference` is our payment's or payout's
 * id, or the provider's id of what we have no payment for.
 */
export async function recordIssue(tx: Tx, issue: { tenantId: string; day: Date; provider: ProviderId; reference: string }, mismatch: Mismatch): Promise<void> {
  const key = { tenantId: issue.tenantId, day: issue.day, kind: mismatch.kind, reference: issue.reference };
  const data = { provider: issue.provider, expected: mismatch.expected ?? null, actual: mismatch.actual ?? null, details: mismatch.details ?? {} };
  await tx.reconciliationIssue.upsert({ where: { tenantId_day_kind_reference: key }, create: { ...key, ...data }, update: data });
}

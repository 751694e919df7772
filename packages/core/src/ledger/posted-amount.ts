import type { Tx } from "@primestore/db";
import type { AccountCode } from "./accounts.ts";

/**
 * What the postings of one kind for these references moved on one account, signed (debit
 * positive), in `currency` only when it is named; 0 when none was posted. E.g. what a payment's
 * refund postings took out of its provider's cash.
 */
export async function postedAmount(tx: Tx, tenantId: string, account: AccountCode, kind: string, references: readonly string[], currency?: string): Promise<bigint> {
  if (references.length === 0) return 0n;
  const { _sum } = await tx.ledgerEntry.aggregate({
    where: { tenantId, ...(currency ? { currency } : {}), account: { code: account }, transaction: { kind, reference: { in: [...references] } } },
    _sum: { amount: true },
  });
  return _sum.amount ?? 0n;
}

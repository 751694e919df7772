import type { Tx } from "@primestore/db";
import { ledgerAccounts } from "./accounts.ts";

export interface PayableStatementLine {
  entryId: string;
  transactionId: string;
  kind: string;
  reference: string;
  description: string | null;
  /** From the tenant's side: positive adds to what the platform owes it, negative takes away. */
  amount: bigint;
  createdAt: Date;
}

/**
 * The movements of what the platform owes the tenant in [from, to), oldest first: the lines of
 * a seller's statement for one payout period. The opening balance is `payableBalance(..., from)`.
 */
export async function payableStatement(tx: Tx, tenantId: string, currency: string, from: Date, to: Date): Promise<PayableStatementLine[]> {
  const entries = await tx.ledgerEntry.findMany({
    where: { tenantId, currency, createdAt: { gte: from, lt: to }, account: { code: ledgerAccounts.tenantPayable } },
    select: { id: true, amount: true, createdAt: true, transaction: { select: { id: true, kind: true, reference: true, description: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return entries.map(({ id, amount, createdAt, transaction }) => ({
    entryId: id,
    transactionId: transaction.id,
    kind: transaction.kind,
    reference: transaction.reference,
    description: transaction.description,
    amount: -amount,
    createdAt,
  }));
}

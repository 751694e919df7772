import type { Db } from "@primestore/db";

/**
 * Test fixture: a posting changed by hand, as the admin role can (the ledger is append-only, so by
 * adding entries to it). `moves`, by account code, balance, so the database takes them.
 */
export async function alterPosting(admin: Db, posting: { tenantId: string; currency: string; kind: string; reference: string }, moves: Record<string, bigint>) {
  const { tenantId, currency, kind, reference } = posting;
  const transaction = await admin.ledgerTransaction.findUniqueOrThrow({ where: { tenantId_kind_reference: { tenantId, kind, reference } } });
  const accounts = await admin.ledgerAccount.findMany({ where: { tenantId, currency, code: { in: Object.keys(moves) } } });
  await admin.ledgerEntry.createMany({
    data: accounts.map((account) => ({ tenantId, transactionId: transaction.id, accountId: account.id, amount: moves[account.code]!, currency })),
  });
}

import type { Db, LedgerAccountKind, Tx } from "@primestore/db";

export interface UnbalancedTransaction {
  tenantId: string;
  transactionId: string;
  currency: string;
  sum: bigint;
}

/**
 * The query that proves the books balance: every ledger transaction's entries sum to zero in
 * each currency, so an empty answer means the whole ledger balances. The database already refuses
 * unbalanced inserts; this is the independent check auditors and the nightly job run. With the
 * admin client it checks every tenant; in a tenant-scoped transaction, that tenant only.
 */
export function unbalancedTransactions(db: Db | Tx): Promise<UnbalancedTransaction[]> {
  return db.$queryRaw<UnbalancedTransaction[]>`
    SELECT "tenantId"::text AS "tenantId", "transactionId"::text AS "transactionId", currency, sum(amount)::bigint AS sum
    FROM ledger_entries
    GROUP BY "tenantId", "transactionId", currency
    HAVING sum(amount) <> 0
    ORDER BY "tenantId", "transactionId", currency`;
}

export interface TrialBalanceLine {
  account: string;
  kind: LedgerAccountKind;
  currency: string;
  /** Signed: debit balances positive, credit balances negative; they sum to zero per currency. */
  balance: bigint;
}

/** Every account of the tenant with its balance, by currency then account code. */
export function trialBalance(tx: Tx, tenantId: string): Promise<TrialBalanceLine[]> {
  return tx.$queryRaw<TrialBalanceLine[]>`
    SELECT a.code AS account, a.kind::text AS kind, a.currency, COALESCE(sum(e.amount), 0)::bigint AS balance
    FROM ledger_accounts a
    LEFT JOIN ledger_entries e ON e."tenantId" = a."tenantId" AND e."accountId" = a.id
    WHERE a."tenantId" = ${tenantId}::uuid
    GROUP BY a.id, a.code, a.kind, a.currency
    ORDER BY a.currency, a.code`;
}

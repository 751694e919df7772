import { Prisma, type Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { type AccountCode, ledgerAccounts } from "./accounts.ts";

const DAY_MS = 86_400_000;

/** The signed sum of an account's entries (debit positive), optionally only those created before `before`. */
export async function accountBalance(tx: Tx, tenantId: string, account: AccountCode, currency: string, opts: { before?: Date } = {}): Promise<bigint> {
  const rows = await tx.$queryRaw<Array<{ balance: bigint }>>`
    SELECT COALESCE(sum(e.amount), 0)::bigint AS balance
    FROM ledger_accounts a
    JOIN ledger_entries e ON e."tenantId" = a."tenantId" AND e."accountId" = a.id
    WHERE a."tenantId" = ${tenantId}::uuid AND a.code = ${account} AND a.currency = ${currency}
    ${opts.before ? Prisma.sql`AND e."createdAt" < ${opts.before}::timestamp` : Prisma.empty}`;
  return rows[0]!.balance;
}

/** What the platform owes the tenant, positive (tenant:payable is a liability: credits are negative). */
export async function payableBalance(tx: Tx, tenantId: string, currency: string, before?: Date): Promise<bigint> {
  return -(await accountBalance(tx, tenantId, ledgerAccounts.tenantPayable, currency, { before }));
}

export interface TenantBalance {
  currency: string;
  /** Owed to the tenant but still inside the hold period (the refund and chargeback window). */
  pending: bigint;
  /** What can be paid out now; negative when refunds or chargebacks came after a payout. */
  available: bigint;
}

/**
 * The tenant's payable per currency, split by the hold period. Money owed to the tenant (credits)
 * becomes available `holdDays` after it was booked; money taken off (payouts, refunds,
 * chargebacks, fees: debits) reduces `available` at once. Splitting debits by age too would let
 * a fresh payout or refund sit in `pending` while the money it took still looked available, and
 * be paid out twice. So `pending` is never negative and `pending + available` is the total.
 * Everything booked so far counts, even if the database clock runs ahead of `now`.
 */
export async function tenantBalances(tx: Tx, tenantId: string, holdDays: number, now: Date = new Date()): Promise<TenantBalance[]> {
  if (!Number.isInteger(holdDays) || holdDays < 0) throw new AppError("INTERNAL", `holdDays must be a whole number of days, got ${holdDays}`);
  const cutoff = new Date(now.getTime() - holdDays * DAY_MS);
  const rows = await tx.$queryRaw<Array<{ currency: string; pending: bigint; available: bigint }>>`
    SELECT a.currency,
           COALESCE(-sum(e.amount) FILTER (WHERE e.amount < 0 AND e."createdAt" >= ${cutoff}::timestamp), 0)::bigint AS pending,
           COALESCE(-sum(e.amount) FILTER (WHERE e.amount > 0 OR e."createdAt" < ${cutoff}::timestamp), 0)::bigint AS available
    FROM ledger_accounts a
    JOIN ledger_entries e ON e."tenantId" = a."tenantId" AND e."accountId" = a.id
    WHERE a."tenantId" = ${tenantId}::uuid AND a.code = ${ledgerAccounts.tenantPayable}
    GROUP BY a.currency
    ORDER BY a.currency`;
  return rows.map((row) => ({ currency: row.currency, pending: row.pending, available: row.available }));
}

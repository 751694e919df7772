import { Prisma, type Tx } from "@primestore/db";
import { PROVIDERS_RELEASING_MONEY, type ProviderId } from "@primestore/payments";
import { AppError } from "../errors/index.ts";
import { type AccountCode, ledgerAccounts } from "./accounts.ts";

const DAY_MS = 86_400_000;
const UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

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
  /** Owed to the tenant but still inside the hold period (the refund and chargeback window) or held by the provider. */
  pending: bigint;
  /** What can be paid out now; negative when refunds or chargebacks came after a payout. */
  available: bigint;
}

/** The part of a balance whose money sits with one provider: only that provider can pay it out. */
export interface ProviderBalance extends TenantBalance {
  /** Null for postings that moved no provider's cash: counted in the balance, paid by no payout. */
  provider: ProviderId | null;
}

/**
 * The tenant's payable per currency and provider, split by the hold period. Money owed to the
 * tenant (credits) becomes available `holdDays` after it was booked; money taken off (payouts,
 * refunds, chargebacks, fees: debits) reduces `available` at once. Splitting debits by age too
 * would let a fresh payout or refund sit in `pending` while the money it took still looked
 * available, and be paid out twice. So `pending` is never negative and `pending + available` is
 * the total. Everything booked so far counts, even if the database clock runs ahead of `now`.
 *
 * A capture whose money the provider holds and releases itself (Mercado Pago) waits for that
 * release instead: pending until the provider has said it is released (recordDueMoneyReleases
 * asks), whatever the hold period, since no payout can pay money the provider still holds. A
 * refund of such a payment before its release, or the fee that provider took from the store's
 * share, comes out of that held money, so out of `pending`.
 *
 * Every posting that moves the payable moves one provider's cash with it (capture, refund,
 * chargeback, payout, a fee the store bears); that provider is where the money is, so it is the one to pay it out.
 */
export async function providerBalances(tx: Tx, tenantId: string, holdDays: number, now: Date = new Date()): Promise<ProviderBalance[]> {
  if (!Number.isInteger(holdDays) || holdDays < 0) throw new AppError("INTERNAL", `holdDays must be a whole number of days, got ${holdDays}`);
  const cutoff = new Date(now.getTime() - holdDays * DAY_MS);
  return tx.$queryRaw<ProviderBalance[]>`
    WITH owed AS (
      SELECT a.currency, cash.provider, e.amount,
             CASE WHEN p.provider::text = ANY(${[...PROVIDERS_RELEASING_MONEY]}::text[]) THEN p."moneyReleaseStatus" IS DISTINCT FROM 'released'
                  ELSE e.amount < 0 AND e."createdAt" >= ${cutoff}::timestamp END AS held
      FROM ledger_accounts a
      JOIN ledger_entries e ON e."tenantId" = a."tenantId" AND e."accountId" = a.id
      JOIN ledger_transactions t ON t."tenantId" = e."tenantId" AND t.id = e."transactionId"
      LEFT JOIN LATERAL (
        SELECT substr(ca.code, 6) AS provider
        FROM ledger_entries ce JOIN ledger_accounts ca ON ca."tenantId" = ce."tenantId" AND ca.id = ce."accountId"
        WHERE ce."tenantId" = t."tenantId" AND ce."transactionId" = t.id AND ca.code LIKE 'cash:%'
        ORDER BY ca.code LIMIT 1
      ) cash ON true
      -- A capture's and a fee's reference is its payment's id, a refund's its refund's; CASE keeps other references from being cast.
      LEFT JOIN refunds r ON r."tenantId" = t."tenantId"
        AND r.id = CASE WHEN t.kind = 'refund' AND t.reference ~ ${UUID_PATTERN} THEN t.reference::uuid END
      LEFT JOIN payments p ON p."tenantId" = t."tenantId"
        AND p.id = COALESCE(r."paymentId", CASE WHEN t.kind IN ('capture', 'gateway_fee') AND t.reference ~ ${UUID_PATTERN} THEN t.reference::uuid END)
      WHERE a."tenantId" = ${tenantId}::uuid AND a.code = ${ledgerAccounts.tenantPayable}
    )
    SELECT currency, provider,
           COALESCE(-sum(amount) FILTER (WHERE held), 0)::bigint AS pending,
           COALESCE(-sum(amount) FILTER (WHERE NOT held), 0)::bigint AS available
    FROM owed
    GROUP BY currency, provider
    ORDER BY currency, provider`;
}

/** What a payout can pay now: the lines whose money a provider holds with some of it available. */
export function payableLines(lines: ProviderBalance[]): Array<ProviderBalance & { provider: ProviderId }> {
  return lines.filter((line): line is ProviderBalance & { provider: ProviderId } => line.provider !== null && line.available > 0n);
}

export interface CurrencyBalance extends TenantBalance {
  /** What payouts pay now (payableLines): more than `available` when one provider's line is negative. */
  payable: bigint;
}

/** Provider lines summed per currency (see providerBalances). */
export function balancesByCurrency(lines: ProviderBalance[]): CurrencyBalance[] {
  const payable = new Set<ProviderBalance>(payableLines(lines));
  const totals = new Map<string, CurrencyBalance>();
  for (const line of lines) {
    const total = totals.get(line.currency) ?? { currency: line.currency, pending: 0n, available: 0n, payable: 0n };
    totals.set(line.currency, {
      currency: line.currency,
      pending: total.pending + line.pending,
      available: total.available + line.available,
      payable: total.payable + (payable.has(line) ? line.available : 0n),
    });
  }
  return [...totals.values()];
}

/** The tenant's payable per currency, all providers together (see providerBalances). */
export async function tenantBalances(tx: Tx, tenantId: string, holdDays: number, now: Date = new Date()): Promise<TenantBalance[]> {
  return balancesByCurrency(await providerBalances(tx, tenantId, holdDays, now)).map(({ payable: _payable, ...balance }) => balance);
}

export interface ProviderRelease {
  currency: string;
  provider: ProviderId;
  /** The (UTC) day the provider said it releases the money; null while it hasn't said. */
  day: Date | null;
  amount: bigint;
}

/**
 * The store's share of payments a provider still holds (part of `pending`), net of their refunds
 * and of the provider's fee, by the day the provider releases them.
 */
export function providerReleases(tx: Tx, tenantId: string): Promise<ProviderRelease[]> {
  return tx.$queryRaw<ProviderRelease[]>`
    WITH held AS (
      SELECT p.id, p.provider::text AS provider, p."moneyReleaseDate"
      FROM payments p
      WHERE p."tenantId" = ${tenantId}::uuid AND p.provider::text = ANY(${[...PROVIDERS_RELEASING_MONEY]}::text[])
        AND p."moneyReleaseStatus" IS DISTINCT FROM 'released' AND p."capturedAmount" > 0
    ), postings AS (
      SELECT h.*, 'capture' AS kind, h.id::text AS reference FROM held h
      UNION ALL
      SELECT h.*, 'gateway_fee', h.id::text FROM held h
      UNION ALL
      SELECT h.*, 'refund', r.id::text FROM held h JOIN refunds r ON r."tenantId" = ${tenantId}::uuid AND r."paymentId" = h.id
    )
    SELECT a.currency, s.provider, date_trunc('day', s."moneyReleaseDate") AS day, (-sum(e.amount))::bigint AS amount
    FROM postings s
    JOIN ledger_transactions t ON t."tenantId" = ${tenantId}::uuid AND t.kind = s.kind AND t.reference = s.reference
    JOIN ledger_entries e ON e."tenantId" = t."tenantId" AND e."transactionId" = t.id
    JOIN ledger_accounts a ON a."tenantId" = e."tenantId" AND a.id = e."accountId" AND a.code = ${ledgerAccounts.tenantPayable}
    GROUP BY 1, 2, 3
    HAVING sum(e.amount) < 0
    ORDER BY 3 NULLS FIRST, 1, 2`;
}

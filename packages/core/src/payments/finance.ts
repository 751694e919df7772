import type { Tx } from "@primestore/db";
import { PROVIDERS_RELEASING_MONEY } from "@primestore/payments";
import { AppError } from "../errors/index.ts";
import { balancesByCurrency, payableBalance, payableStatement, providerBalances, providerReleases } from "../ledger/index.ts";

/**
 * The seller's money: what is owed per currency (pending in the hold or at the provider, available
 * now, what payouts would pay now), the same per provider, when the provider releases what it
 * holds, and the latest payouts. A provider's negative line reads differently when that provider
 * releases money itself (`releasesMoney`): its refunds after a release were taken from the seller's
 * own account there, and its next releases are counted net of them.
 */
export async function financeOverview(tx: Tx, tenantId: string, now = new Date()) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { payoutHoldDays: true, payoutSchedule: true } });
  const payouts = await tx.payout.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, amount: true, currency: true, status: true, provider: true, periodStart: true, periodEnd: true, createdAt: true, paidAt: true, failureReason: true },
  });
  const lines = await providerBalances(tx, tenantId, tenant.payoutHoldDays, now);
  return {
    balances: balancesByCurrency(lines),
    byProvider: lines.map((line) => ({ ...line, releasesMoney: line.provider !== null && PROVIDERS_RELEASING_MONEY.includes(line.provider) })),
    releases: await providerReleases(tx, tenantId),
    payouts,
    holdDays: tenant.payoutHoldDays,
    schedule: tenant.payoutSchedule,
  };
}

/** One payout's statement: the balance it started from and every movement in its period. */
export async function payoutStatement(tx: Tx, tenantId: string, payoutId: string) {
  const payout = await tx.payout.findUnique({ where: { id: payoutId } });
  if (!payout) throw new AppError("NOT_FOUND", "No such payout");
  return {
    payout,
    openingBalance: await payableBalance(tx, tenantId, payout.currency, payout.periodStart),
    lines: await payableStatement(tx, tenantId, payout.currency, payout.periodStart, payout.createdAt),
  };
}

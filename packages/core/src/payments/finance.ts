import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { payableBalance, payableStatement, providerReleases, tenantBalances } from "../ledger/index.ts";

/**
 * The seller's money: what is owed per currency (pending in the hold or at the provider, available
 * now), when the provider releases what it holds, and the latest payouts.
 */
export async function financeOverview(tx: Tx, tenantId: string, now = new Date()) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { payoutHoldDays: true, payoutSchedule: true } });
  const payouts = await tx.payout.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, amount: true, currency: true, status: true, provider: true, periodStart: true, periodEnd: true, createdAt: true, paidAt: true, failureReason: true },
  });
  return {
    balances: await tenantBalances(tx, tenantId, tenant.payoutHoldDays, now),
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

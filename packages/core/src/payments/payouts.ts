import { type Db, type PayoutSchedule, type Tx, withTenant } from "@primestore/db";
import type { ProviderId } from "@primestore/payments";
import { AppError } from "../errors/index.ts";
import { ledgerAccounts, postTransaction, tenantBalances } from "../ledger/index.ts";
import { recordEvent } from "../outbox/index.ts";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";

const MAX_PAYOUT_ATTEMPTS = 12;

/** Whether a schedule pays out on this (UTC) day: daily, Mondays, the 1st; manual never by itself. */
export function payoutDue(schedule: PayoutSchedule, day: Date): boolean {
  switch (schedule) {
    case "daily":
      return true;
    case "weekly":
      return day.getUTCDay() === 1;
    case "monthly":
      return day.getUTCDate() === 1;
    case "manual":
      return false;
  }
}

/** Payouts go through the store's own provider account (Stripe first), else the sandbox. */
async function payoutProvider(tx: Tx): Promise<ProviderId> {
  const accounts = await tx.paymentAccount.findMany({ where: { status: "active" }, select: { provider: true } });
  const connected = new Set(accounts.map((account) => account.provider));
  return connected.has("stripe") ? "stripe" : connected.has("mercadopago") ? "mercadopago" : "test";
}

/**
 * One payout of the store's available balance in `currency`, keyed: the same key never makes a
 * second payout. It is posted to the ledger as it is created (what it pays stops being available
 * at once), so a crash before it executes leaves a payout to resume, never money paid twice.
 * Returns null when nothing is available or the key was used.
 */
export async function openPayout(tx: Tx, tenantId: string, currency: string, idempotencyKey: string, now = new Date()) {
  // One payout decision per store at a time: two workers can't both see the same balance.
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`payout:${tenantId}`}))`;
  if (await tx.payout.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } })) return null;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { payoutHoldDays: true, createdAt: true } });
  const balance = (await tenantBalances(tx, tenantId, tenant.payoutHoldDays, now)).find((line) => line.currency === currency);
  if (!balance || balance.available <= 0n) return null;
  const previous = await tx.payout.findFirst({ where: { currency }, orderBy: { periodEnd: "desc" }, select: { periodEnd: true } });
  const provider = await payoutProvider(tx);
  const payout = await tx.payout.create({
    data: {
      tenantId,
      amount: balance.available,
      currency,
      provider,
      periodStart: previous?.periodEnd ?? tenant.createdAt,
      periodEnd: now,
      idempotencyKey,
    },
  });
  await postTransaction(tx, tenantId, {
    kind: "payout",
    reference: payout.id,
    entries: [
      { account: ledgerAccounts.tenantPayable, amount: payout.amount, currency },
      { account: ledgerAccounts.cash(provider), amount: -payout.amount, currency },
    ],
  });
  await recordEvent(tx, tenantId, "payout.opened", { payoutId: payout.id });
  return payout;
}

/** Scheduled payouts due today, across stores; each store's within its own scope. */
export async function openDuePayouts(adminDb: Db, db: Db, now = new Date()): Promise<Array<{ tenantId: string; payoutId: string }>> {
  const schedules = (["daily", "weekly", "monthly"] as const).filter((schedule) => payoutDue(schedule, now));
  const tenants = await adminDb.tenant.findMany({ where: { status: "active", payoutSchedule: { in: schedules } }, select: { id: true, payoutSchedule: true } });
  const day = now.toISOString().slice(0, 10);
  const opened: Array<{ tenantId: string; payoutId: string }> = [];
  for (const tenant of tenants) {
    await withTenant(db, tenant.id, async (tx) => {
      const currencies = await tx.ledgerAccount.findMany({ where: { code: ledgerAccounts.tenantPayable }, select: { currency: true } });
      for (const { currency } of currencies) {
        const payout = await openPayout(tx, tenant.id, currency, `${tenant.payoutSchedule}:${currency}:${day}`, now);
        if (payout) opened.push({ tenantId: tenant.id, payoutId: payout.id });
      }
    });
  }
  return opened;
}

/**
 * Pays an open payout through its provider, keyed by the payout's id: any number of attempts,
 * after any crash, make one payout there. A refusal returns the money to the store's balance. An
 * unknown outcome (timeout, outage) is asked again by the resume sweep; after
 * MAX_PAYOUT_ATTEMPTS of those it waits for a person, because the provider may have paid it.
 */
export async function executePayout(db: Db, gateway: PaymentGateway, tenantId: string, payoutId: string): Promise<"paid" | "processing" | "failed" | "done"> {
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenantId, fn);
  const claimed = await scoped(async (tx) => {
    const moved = await tx.payout.updateMany({ where: { id: payoutId, status: { in: ["pending", "processing"] } }, data: { status: "processing", attempts: { increment: 1 } } });
    if (moved.count === 0) return null;
    const payout = await tx.payout.findUniqueOrThrow({ where: { id: payoutId } });
    return { payout, account: await connectedAccount(tx, gateway, tenantId, payout.provider) };
  });
  if (!claimed) return "done";
  const { payout, account } = claimed;
  const result = await providerOf(gateway, payout.provider)
    .payout({ account: account ?? { accountId: "test" }, amount: payout.amount, currency: payout.currency, idempotencyKey: payout.id, requestedAt: payout.createdAt })
    .catch(async (error: unknown) => {
      await scoped((tx) => tx.payout.update({ where: { id: payoutId }, data: { failureReason: String(error).slice(0, 300) } }));
      throw error;
    });
  return scoped(async (tx) => {
    if (result.status === "processing") {
      await tx.payout.updateMany({ where: { id: payoutId, status: "processing" }, data: { providerPayoutId: result.providerPayoutId } });
      return "processing";
    }
    const moved = await tx.payout.updateMany({
      where: { id: payoutId, status: "processing" },
      data:
        result.status === "paid"
          ? { status: "paid", providerPayoutId: result.providerPayoutId, paidAt: new Date(), failureReason: null }
          : { status: "failed", failureReason: result.failureReason ?? "refused" },
    });
    if (moved.count === 0) return "done";
    if (result.status === "failed") {
      await postTransaction(tx, tenantId, {
        kind: "payout_reversal",
        reference: payout.id,
        entries: [
          { account: ledgerAccounts.tenantPayable, amount: -payout.amount, currency: payout.currency },
          { account: ledgerAccounts.cash(payout.provider), amount: payout.amount, currency: payout.currency },
        ],
      });
    }
    await recordEvent(tx, tenantId, `payout.${result.status}`, { payoutId });
    return result.status;
  });
}

/** A seller's "pay me now", for any schedule; the form's key makes a double click one payout. */
export async function requestPayout(db: Db, tenantId: string, currency: string, idempotencyKey: string) {
  const payout = await withTenant(db, tenantId, (tx) => openPayout(tx, tenantId, currency, `manual:${idempotencyKey}`));
  if (!payout) throw new AppError("CONFLICT", "Nothing is available to pay out");
  return payout;
}

/**
 * Payouts a crash or an outage left open, across stores, oldest first: untouched for `idleMs`, so
 * a payout whose own job is about to run (or running) is left to it, and not yet given up on.
 */
export function openPayouts(adminDb: Db, options: { idleMs: number; limit?: number }) {
  return adminDb.payout.findMany({
    where: { status: { in: ["pending", "processing"] }, attempts: { lt: MAX_PAYOUT_ATTEMPTS }, updatedAt: { lt: new Date(Date.now() - options.idleMs) } },
    select: { id: true, tenantId: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 200,
  });
}

import { type Db, type PayoutSchedule, type Tx, withTenant } from "@primestore/db";
import type { ProviderId } from "@primestore/payments";
import { recordAudit } from "../audit/index.ts";
import { AppError } from "../errors/index.ts";
import { ledgerAccounts, payableLines, postTransaction, providerBalances } from "../ledger/index.ts";
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

/**
 * The store's available balance in `currency`, paid out: one payout per provider holding some of
 * it (Stripe pays from the store's Stripe balance, Mercado Pago has released its share into the
 * seller's MP account, the sandbox stands for itself), each keyed `<idempotencyKey>:<provider>`,
 * so the same key never makes a second payout. Each is posted to the ledger as it is created
 * (what it pays stops being available at once), so a crash before it executes leaves a payout to
 * resume, never money paid twice. Empty when nothing is available or the key was used.
 */
export async function openPayoutsFor(tx: Tx, tenantId: string, currency: string, idempotencyKey: string, now = new Date()) {
  // One payout decision per store at a time: two workers can't both see the same balance.
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`payout:${tenantId}`}))`;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { payoutHoldDays: true, createdAt: true } });
  const payable = payableLines(await providerBalances(tx, tenantId, tenant.payoutHoldDays, now)).filter((line) => line.currency === currency);
  const opened = [];
  for (const { provider, available } of payable) {
    const key = `${idempotencyKey}:${provider}`;
    if (await tx.payout.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: key } } })) continue;
    opened.push(await openPayout(tx, tenantId, { currency, provider, amount: available }, key, tenant.createdAt, now));
  }
  return opened;
}

async function openPayout(tx: Tx, tenantId: string, owed: { currency: string; provider: ProviderId; amount: bigint }, idempotencyKey: string, since: Date, now: Date) {
  const { currency, provider, amount } = owed;
  const previous = await tx.payout.findFirst({ where: { currency, provider }, orderBy: { periodEnd: "desc" }, select: { periodEnd: true } });
  const payout = await tx.payout.create({
    data: { tenantId, amount, currency, provider, periodStart: previous?.periodEnd ?? since, periodEnd: now, idempotencyKey },
  });
  await postTransaction(tx, tenantId, {
    kind: "payout",
    reference: payout.id,
    entries: [
      { account: ledgerAccounts.tenantPayable, amount, currency },
      { account: ledgerAccounts.cash(provider), amount: -amount, currency },
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
        for (const payout of await openPayoutsFor(tx, tenant.id, currency, `${tenant.payoutSchedule}:${currency}:${day}`, now)) {
          opened.push({ tenantId: tenant.id, payoutId: payout.id });
        }
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
  const payout = await scoped(async (tx) => {
    const moved = await tx.payout.updateMany({ where: { id: payoutId, status: { in: ["pending", "processing"] } }, data: { status: "processing", attempts: { increment: 1 } } });
    return moved.count === 0 ? null : tx.payout.findUniqueOrThrow({ where: { id: payoutId } });
  });
  if (!payout) return "done";
  // The attempt is counted before the account is read: a store that disconnected the provider
  // holding its money reaches MAX_PAYOUT_ATTEMPTS and waits for a person, like an unknown outcome.
  const result = await scoped((tx) => connectedAccount(tx, gateway, tenantId, payout.provider))
    .then((account) =>
      providerOf(gateway, payout.provider).payout({
        account: account ?? { accountId: "test" },
        amount: payout.amount,
        currency: payout.currency,
        idempotencyKey: payout.id,
        requestedAt: payout.createdAt,
      }),
    )
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

/** A seller's "pay me now", for any schedule; the form's key makes a double click one payout per provider. */
export async function requestPayout(db: Db, tenantId: string, currency: string, idempotencyKey: string, requestedBy: string) {
  return withTenant(db, tenantId, async (tx) => {
    const payouts = await openPayoutsFor(tx, tenantId, currency, `manual:${idempotencyKey}`);
    if (!payouts.length) throw new AppError("CONFLICT", "Nothing is available to pay out");
    await recordAudit(tx, tenantId, { type: "user", id: requestedBy }, {
      action: "payout.requested",
      entity: "payout",
      entityId: payouts[0]!.id,
      data: { currency, amount: payouts.reduce((sum, payout) => sum + payout.amount, 0n).toString(), payouts: payouts.map((payout) => payout.id) },
    });
    return payouts;
  });
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

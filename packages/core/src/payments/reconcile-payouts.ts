import { type Db, type Prisma, type Tx, withTenant } from "@primestore/db";
import { connectedAccount } from "./accounts.ts";
import { configuredProviders, type PaymentGateway, providerOf } from "./gateway.ts";
import { payoutLedgerMismatch } from "./ledger-vs-payout.ts";
import { comparePayoutWithProvider } from "./payout-vs-provider.ts";
import { type Mismatch, recordIssue } from "./reconciliation-issue.ts";

/**
 * How long after a payout was paid its bank may still return it: Stripe gives a failure 5 business
 * days to show, and weekends and holidays come between.
 */
const RETURN_WINDOW_MS = 10 * 86_400_000;

/**
 * The day's payouts held to the providers that made them and to the ledger: every payout that
 * changed on the day, is still processing (a payout the resume sweep stopped asking about changes
 * no more) or was paid recently enough for its bank to return it (our row doesn't change when the
 * bank does), at a provider that can read its payouts back. Each is fetched by the
 * provider's id and compared (comparePayoutWithProvider), and its postings with the row
 * (payoutLedgerMismatch); differences are recorded for staff under our payout's id, one per kind.
 * A payout the provider couldn't be asked about is recorded as `payout_read_failed` and the rest go
 * on. Providers without `getPayout` are left out: a Mercado Pago payout records money MP released
 * into the seller's account itself (decision 021) and the sandbox's pays nothing, so there is no
 * payout there to compare, and their postings are written with the row in one transaction.
 */
export async function reconcilePayouts(adminDb: Db, db: Db, gateway: PaymentGateway, day: { start: Date; end: Date }) {
  const readable = configuredProviders(gateway).filter((id) => providerOf(gateway, id).getPayout);
  const payouts = await adminDb.payout.findMany({
    where: {
      provider: { in: readable },
      OR: [
        { updatedAt: { gte: day.start, lt: day.end } },
        { status: "processing" },
        { status: "paid", paidAt: { gte: new Date(day.start.getTime() - RETURN_WINDOW_MS), lt: day.end } },
      ],
    },
    select: { id: true, tenantId: true },
    orderBy: { id: "asc" },
  });
  let recorded = 0;
  for (const { id, tenantId } of payouts) {
    await withTenant(db, tenantId, async (tx) => {
      const payout = await tx.payout.findUniqueOrThrow({ where: { id } });
      const ledger = await payoutLedgerMismatch(tx, payout);
      const found = [...(await againstProvider(tx, gateway, payout, day.end)), ...(ledger ? [ledger] : [])];
      for (const mismatch of found) await recordIssue(tx, { tenantId, day: day.start, provider: payout.provider, reference: payout.id }, mismatch);
      recorded += found.length;
    });
  }
  return { checked: payouts.length, recorded };
}

async function againstProvider(tx: Tx, gateway: PaymentGateway, payout: Prisma.PayoutGetPayload<object>, asOf: Date): Promise<Mismatch[]> {
  // No provider id, nothing there to read: a refused payout made none, and one whose answer was
  // lost is asked again under its key by the resume sweep, which finds it if it was made.
  if (!payout.providerPayoutId) return [];
  try {
    const account = await connectedAccount(tx, gateway, payout.tenantId, payout.provider);
    const theirs = await providerOf(gateway, payout.provider).getPayout!(payout.providerPayoutId, account!);
    return comparePayoutWithProvider(payout, theirs, asOf);
  } catch (error) {
    return [{ kind: "payout_read_failed", details: { error: String(error).slice(0, 300) } }];
  }
}

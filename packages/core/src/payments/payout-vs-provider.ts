import type { Prisma } from "@primestore/db";
import type { ProviderPayout } from "@primestore/payments";
import type { Mismatch } from "./reconciliation-issue.ts";

type PayoutRow = Prisma.PayoutGetPayload<object>;

const DAY_MS = 86_400_000;

/**
 * Where our payout and the provider's record of it disagree, as of `asOf`; the provider's side is
 * `actual`, and `theirs` undefined when the provider has no such payout. Amounts are in minor
 * units of our payout's currency (`details.currency`); the provider's own is named when it differs.
 */
export function comparePayoutWithProvider(payout: PayoutRow, theirs: ProviderPayout | undefined, asOf: Date): Mismatch[] {
  const currency = { currency: payout.currency };
  if (!theirs) return [{ kind: "payout_missing_at_provider", expected: payout.amount, details: currency }];
  const found: Mismatch[] = [];
  if (statusDisagrees(payout, theirs, asOf)) {
    const details: Record<string, string> = { ...currency, ours: payout.status, provider: theirs.status, arrivalDate: theirs.arrivalDate.toISOString() };
    if (theirs.failureReason) details.failureReason = theirs.failureReason;
    found.push({ kind: "payout_status_mismatch", expected: payout.amount, details });
  }
  if (theirs.amount !== payout.amount || theirs.currency !== payout.currency) {
    const details: Record<string, string> = { ...currency };
    if (theirs.currency !== payout.currency) details.providerCurrency = theirs.currency;
    found.push({ kind: "payout_amount_mismatch", expected: payout.amount, actual: theirs.amount, details });
  }
  return found;
}

/**
 * A settled payout of ours must be settled the same way there: a bank can return one after it was
 * paid, and the store would then be owed it again. One still processing here may be settled there
 * for as long as the resume sweep takes to ask again; untouched for a day, the sweep has stopped
 * (or given up) and a person has to look.
 */
function statusDisagrees(payout: PayoutRow, theirs: ProviderPayout, asOf: Date): boolean {
  if (payout.status !== "processing") return theirs.status !== payout.status;
  return theirs.status !== "processing" && payout.updatedAt.getTime() <= asOf.getTime() - DAY_MS;
}

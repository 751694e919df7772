import type { Prisma, Tx } from "@primestore/db";
import { ledgerAccounts, postedAmount } from "../ledger/index.ts";
import type { Mismatch } from "./reconciliation-issue.ts";

type PayoutRow = Prisma.PayoutGetPayload<object>;
type PayoutPosting = "payout" | "payout_reversal";

/**
 * Where the ledger disagrees with our payout: its `payout` posting must have taken the amount out
 * of the provider's cash, in the payout's currency, and a `payout_reversal` put it back if and
 * only if the payout failed. Held to the row, not the provider: what the provider says is compared
 * with the row (comparePayoutWithProvider), so a wrong row is reported there and a wrong posting
 * here. Like ledgerMismatch, one issue naming the postings that differ, the ledger `expected` and
 * the row `actual`, each summed as the money the posting should have moved.
 */
export async function payoutLedgerMismatch(tx: Tx, payout: PayoutRow): Promise<Mismatch | undefined> {
  const cash = ledgerAccounts.cash(payout.provider);
  // Each posting's move of the cash account, signed the way the row says it went: out, then back.
  const owed: Array<[PayoutPosting, bigint, 1n | -1n]> = [
    ["payout", payout.amount, -1n],
    ["payout_reversal", payout.status === "failed" ? payout.amount : 0n, 1n],
  ];
  const differing: PayoutPosting[] = [];
  let booked = 0n;
  let row = 0n;
  for (const [posting, amount, direction] of owed) {
    const inLedger = direction * (await postedAmount(tx, payout.tenantId, cash, posting, [payout.id], payout.currency));
    if (inLedger === amount) continue;
    differing.push(posting);
    booked += inLedger;
    row += amount;
  }
  if (!differing.length) return undefined;
  return { kind: "payout_ledger_mismatch", expected: booked, actual: row, details: { posting: differing.join(", "), currency: payout.currency } };
}

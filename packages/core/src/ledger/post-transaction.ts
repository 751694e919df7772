import { type PreparedStatement, runPrepared, type Tx } from "@primestore/db";
import { currencyExponent } from "@primestore/payments";
import { AppError } from "../errors/index.ts";
import { type AccountCode, accountKind } from "./accounts.ts";

export interface LedgerEntryInput {
  account: AccountCode;
  /** Minor units, signed: debit positive, credit negative. */
  amount: bigint;
  currency: string;
}

export interface LedgerPosting {
  /** What happened (capture, refund, payout...); with `reference` it names the business event. */
  kind: string;
  /** The id of what it records (payment id, refund id...). */
  reference: string;
  description?: string;
  entries: readonly LedgerEntryInput[];
}

export interface PostResult {
  /** False when this (kind, reference) was already booked: nothing was written this time. */
  posted: boolean;
  transactionId: string;
}

const lineKey = (account: string, currency: string) => `${currency} ${account}`;

function invalid(posting: LedgerPosting, problem: string, details: Record<string, unknown> = {}): AppError {
  return new AppError("INTERNAL", `ledger ${posting.kind}/${posting.reference}: ${problem}`, { kind: posting.kind, reference: posting.reference, ...details });
}

/**
 * Checks a posting and nets it to one line per (account, currency), dropping lines that net to
 * zero (a fee of 0 is not an error, but the database refuses zero entries). A posting that
 * doesn't balance is a bug: refused here with the amounts, before the database refuses it too.
 */
function netLines(posting: LedgerPosting): LedgerEntryInput[] {
  if (!posting.kind || !posting.reference) throw invalid(posting, "kind and reference are required");
  const byCurrency = new Map<string, bigint>();
  const byLine = new Map<string, LedgerEntryInput>();
  for (const entry of posting.entries) {
    if (typeof entry.amount !== "bigint") throw invalid(posting, `amount of ${entry.account} must be a bigint`);
    accountKind(entry.account); // throws for an account off the chart
    try {
      currencyExponent(entry.currency);
    } catch {
      throw invalid(posting, `unknown currency ${JSON.stringify(entry.currency)}`);
    }
    byCurrency.set(entry.currency, (byCurrency.get(entry.currency) ?? 0n) + entry.amount);
    const key = lineKey(entry.account, entry.currency);
    const line = byLine.get(key);
    byLine.set(key, { ...entry, amount: (line?.amount ?? 0n) + entry.amount });
  }
  const unbalanced = [...byCurrency].filter(([, sum]) => sum !== 0n);
  if (unbalanced.length > 0) {
    throw invalid(posting, `does not balance (${unbalanced.map(([currency, sum]) => `${currency} ${sum}`).join(", ")})`, {
      unbalanced: Object.fromEntries(unbalanced.map(([currency, sum]) => [currency, sum.toString()])),
    });
  }
  const lines = [...byLine.values()].filter((line) => line.amount !== 0n);
  if (lines.length === 0) throw invalid(posting, "moves no money");
  // One order for everyone: two first uses of the same accounts then can't deadlock on them.
  return lines.sort((a, b) => (lineKey(a.account, a.currency) < lineKey(b.account, b.currency) ? -1 : 1));
}

const postLedger: PreparedStatement = {
  name: "primestore_post_ledger",
  text: 'SELECT posted, "transactionId" FROM primestore_post_ledger($1::uuid, $2, $3, $4, $5::jsonb)',
};

/**
 * A posting's lines as primestore_post_ledger takes them: checked, netted, in lock order, each
 * with its account's kind. Amounts are JSON strings, which PostgreSQL reads into bigint exactly.
 */
export function ledgerEntriesJson(posting: LedgerPosting): string {
  return JSON.stringify(netLines(posting).map((line) => ({ account: line.account, kind: accountKind(line.account), amount: line.amount.toString(), currency: line.currency })));
}

/**
 * Books one business event in the ledger, exactly once: the transaction row is unique per
 * (tenant, kind, reference), so a retry, a redelivered webhook or a concurrent twin finds the
 * first posting and writes nothing (`posted: false`). Runs inside the caller's tenant-scoped
 * transaction, so the booking commits or rolls back with the state change it records. One
 * statement (primestore_post_ledger) creates the accounts on first use and writes all entries in
 * one INSERT: the database checks balance per statement.
 */
export async function postTransaction(tx: Tx, tenantId: string, posting: LedgerPosting): Promise<PostResult> {
  const entries = ledgerEntriesJson(posting);
  const [result] = await runPrepared<PostResult>(tx, postLedger, [tenantId, posting.kind, posting.reference, posting.description ?? null, entries]);
  return result!;
}

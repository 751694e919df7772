import { parseMinorUnits } from "@primestore/i18n";

export type RefundField = "amount" | "reason";
export type RefundProblems = Partial<Record<RefundField, "required" | "invalid">>;

/** What the seller typed, sent back with a failure so the form keeps it. */
export interface RefundValues {
  amount: string;
  reason: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/**
 * The refund form, read and checked before anything is asked of the API. `null` when a field
 * the page itself wrote (payment, currency, key) was tampered with: a bad request, not a typo.
 */
export function readRefundForm(form: FormData) {
  const paymentId = text(form, "paymentId");
  const currency = text(form, "currency");
  const idempotencyKey = text(form, "idempotencyKey");
  const remaining = text(form, "remaining");
  if (!UUID.test(paymentId) || !/^[A-Z]{3}$/.test(currency) || idempotencyKey.length < 16 || idempotencyKey.length > 100) return null;
  if (!/^\d{1,18}$/.test(remaining)) return null;
  return {
    paymentId,
    currency,
    idempotencyKey,
    // "Refund everything left" refunds what the page showed as left: if a refund got in first,
    // the API refuses rather than the seller refunding an amount they never saw.
    refundAll: form.get("intent") === "all",
    remaining: BigInt(remaining),
    values: { amount: text(form, "amount"), reason: text(form, "reason") } satisfies RefundValues,
  };
}

export type RefundForm = NonNullable<ReturnType<typeof readRefundForm>>;

/** The amount in minor units, by exact string arithmetic, or the problem with what was typed. */
export function refundAmount(form: RefundForm): { ok: true; amount: bigint } | { ok: false; problems: RefundProblems } {
  if (form.refundAll) return form.remaining > 0n ? { ok: true, amount: form.remaining } : { ok: false, problems: { amount: "invalid" } };
  if (!form.values.amount) return { ok: false, problems: { amount: "required" } };
  const amount = parseMinorUnits(form.values.amount, form.currency);
  if (amount === null || amount <= 0n) return { ok: false, problems: { amount: "invalid" } };
  return { ok: true, amount };
}

/** The API's invalid input paths, as the form's fields. */
export function refundProblems(invalidPaths: string[]): RefundProblems {
  const problems: RefundProblems = {};
  for (const path of invalidPaths) {
    if (path === "amount" || path === "reason") problems[path] = "invalid";
  }
  return problems;
}

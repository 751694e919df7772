import { z } from "zod";

export interface InstallmentTerms {
  /** Up to this many installments (1 = pay in full). */
  max: number;
  /** Up to this many, the total is the price; beyond, monthly interest applies. */
  interestFree: number;
  /** Monthly interest in basis points (1.99% = 199), compounded (Price table). */
  monthlyInterestBps: number;
}

export const installmentPlan = z.object({
  count: z.number().int(),
  /** The first installment, the largest: later ones may be a cent less so they sum to the total. */
  amount: z.bigint(),
  total: z.bigint(),
  interest: z.bigint(),
  interestFree: z.boolean(),
});
export type InstallmentPlan = z.infer<typeof installmentPlan>;

const BPS = 10_000n;

/** Integer division rounding half up (both operands positive). */
const divideRounded = (numerator: bigint, denominator: bigint) => (2n * numerator + denominator) / (2n * denominator);

/**
 * Installment n of `count` for a total: equal parts, the cents that don't divide go to the first
 * installments, so the parts always sum to the total exactly.
 */
export function splitInstallments(total: bigint, count: number): bigint[] {
  const parts = BigInt(count);
  const base = total / parts;
  const remainder = total % parts;
  return Array.from({ length: count }, (_, index) => base + (BigInt(index) < remainder ? 1n : 0n));
}

/**
 * Paying `principal` in `count` installments. Interest-free up to the store's limit; beyond it
 * the Price table: a fixed installment PMT = P·i·(1+i)^n / ((1+i)^n − 1), computed exactly as a
 * fraction of integers (i = bps/10000, so (1+i)^n = (10000+bps)^n / 10000^n) and rounded half up
 * to the minor unit once; the total is n·PMT, the interest the difference.
 */
export function planInstallments(principal: bigint, count: number, terms: InstallmentTerms): InstallmentPlan {
  if (count <= terms.interestFree || terms.monthlyInterestBps === 0) {
    return { count, amount: splitInstallments(principal, count)[0]!, total: principal, interest: 0n, interestFree: true };
  }
  const growth = (BPS + BigInt(terms.monthlyInterestBps)) ** BigInt(count);
  const base = BPS ** BigInt(count);
  const amount = divideRounded(principal * BigInt(terms.monthlyInterestBps) * growth, BPS * (growth - base));
  const total = amount * BigInt(count);
  return { count, amount, total, interest: total - principal, interestFree: false };
}

/** Every choice the shopper has, 1× to the store's maximum. */
export function installmentOptions(principal: bigint, terms: InstallmentTerms): InstallmentPlan[] {
  return Array.from({ length: terms.max }, (_, index) => planInstallments(principal, index + 1, terms));
}

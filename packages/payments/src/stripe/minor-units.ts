/**
 * Stripe's SDK takes amounts as JavaScript numbers: a bigint past 2^53 would be rounded on the
 * way out, charging something else than asked, so it is refused instead.
 */
export function toStripeAmount(amount: bigint, what: string): number {
  const value = Number(amount);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} ${amount} is too large to send to Stripe`);
  return value;
}

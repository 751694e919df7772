/**
 * Splits `total` minor units in proportion to `weights` without creating or losing a unit
 * (largest remainder method): every part gets the floor of its exact share, then the units left
 * over go to the largest remainders, ties to the lower index, so the same input always splits
 * the same way. A negative total (a refund) splits its magnitude and keeps the sign, so a refund
 * of a whole payment mirrors the payment's split exactly.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
  if (weights.some((weight) => weight < 0n)) throw new RangeError("allocate weights must not be negative");
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError("allocate needs a non-zero weight");

  const magnitude = total < 0n ? -total : total;
  const parts = weights.map((weight) => (magnitude * weight) / weightSum);
  let leftover = magnitude - parts.reduce((sum, part) => sum + part, 0n);
  // Fewer units are left over than there are non-zero remainders, so zero weights never get one.
  const byRemainder = weights
    .map((weight, index) => ({ index, remainder: (magnitude * weight) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index]! += 1n;
    leftover -= 1n;
  }
  return total < 0n ? parts.map((part) => -part) : parts;
}

/**
 * `basisPoints` of `total` (10000 = all of it), rounded so that it and the rest always add up:
 * the platform's commission on a payment.
 */
export function shareOf(total: bigint, basisPoints: number | bigint): bigint {
  if (typeof basisPoints === "number" && !Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`basis points must be an integer, got ${basisPoints}`);
  }
  const bps = BigInt(basisPoints);
  if (bps < 0n || bps > 10_000n) throw new RangeError(`basis points must be within 0..10000, got ${bps}`);
  return allocate(total, [bps, 10_000n - bps])[0]!;
}

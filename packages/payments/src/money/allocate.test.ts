import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, shareOf } from "./allocate.ts";

const amounts = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
/** Weights with at least one non-zero, zeros and repeats likely. */
const weightLists = fc
  .array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 20n }), fc.bigInt({ min: 1n, max: 10n ** 9n })), { minLength: 1, maxLength: 12 })
  .filter((weights) => weights.some((weight) => weight > 0n));
const basisPoints = fc.integer({ min: 0, max: 10_000 });

const sum = (values: readonly bigint[]) => values.reduce((total, value) => total + value, 0n);
const abs = (value: bigint) => (value < 0n ? -value : value);

describe("allocate", () => {
  it("splits examples the way a person would", () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(5n, [3n, 7n])).toEqual([2n, 3n]);
    expect(allocate(1000n, [0n, 1n, 0n])).toEqual([0n, 1000n, 0n]);
    expect(allocate(0n, [1n, 2n])).toEqual([0n, 0n]);
    // Floors [3, 6] leave one unit: the larger remainder (2/3 over 1/3) wins it, not the lower index.
    expect(allocate(10n, [1n, 2n])).toEqual([3n, 7n]);
    // Floors [34, 34, 31] leave one unit and the two 10s tie: the first one gets it.
    expect(allocate(100n, [10n, 10n, 9n])).toEqual([35n, 34n, 31n]);
  });

  it("refuses weights it can't split by", () => {
    expect(() => allocate(1n, [])).toThrow(RangeError);
    expect(() => allocate(1n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocate(1n, [2n, -1n])).toThrow(RangeError);
  });

  it("never creates or loses a unit", () => {
    fc.assert(fc.property(amounts, weightLists, (total, weights) => sum(allocate(total, weights)) === total));
  });

  it("keeps every part within one unit of its exact share, on the same side as the total", () => {
    fc.assert(
      fc.property(amounts, weightLists, (total, weights) => {
        const weightSum = sum(weights);
        return allocate(total, weights).every((part, index) => {
          // |part - total * w / W| < 1, kept in integers by multiplying through by W.
          const withinOne = abs(part * weightSum - total * weights[index]!) < weightSum;
          const sameSide = total < 0n ? part <= 0n : part >= 0n;
          return withinOne && sameSide && (weights[index] !== 0n || part === 0n);
        });
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(amounts, weightLists, (total, weights) => {
        expect(allocate(total, weights)).toEqual(allocate(total, [...weights]));
      }),
    );
  });

  it("gives equal weights parts in index order: an earlier one never gets less", () => {
    fc.assert(
      fc.property(amounts, weightLists, (total, weights) => {
        const parts = allocate(total, weights);
        return weights.every((weight, i) => weights.every((other, j) => j <= i || other !== weight || abs(parts[i]!) >= abs(parts[j]!)));
      }),
    );
  });

  it("mirrors a split when the total changes sign", () => {
    fc.assert(
      fc.property(amounts, weightLists, (total, weights) => {
        expect(allocate(-total, weights)).toEqual(allocate(total, weights).map((part) => -part));
      }),
    );
  });
});

describe("shareOf", () => {
  it("takes a commission in basis points", () => {
    expect(shareOf(1000n, 1000)).toBe(100n);
    expect(shareOf(999n, 1000n)).toBe(100n);
    expect(shareOf(12_345n, 250)).toBe(309n);
    expect(shareOf(-1000n, 1000)).toBe(-100n);
    expect(shareOf(1000n, 0)).toBe(0n);
    expect(shareOf(1000n, 10_000)).toBe(1000n);
  });

  it("refuses basis points outside 0..10000 or fractional", () => {
    expect(() => shareOf(1000n, -1)).toThrow(RangeError);
    expect(() => shareOf(1000n, 10_001n)).toThrow(RangeError);
    expect(() => shareOf(1000n, 2.5)).toThrow(RangeError);
  });

  it("and the rest always add up to the total", () => {
    fc.assert(
      fc.property(amounts, basisPoints, (total, bps) => {
        const share = shareOf(total, bps);
        const [, rest] = allocate(total, [BigInt(bps), 10_000n - BigInt(bps)]);
        return share + rest! === total && abs(share * 10_000n - total * BigInt(bps)) < 10_000n;
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { installmentOptions, planInstallments, splitInstallments } from "./installments.ts";

const aurora = { max: 12, interestFree: 3, monthlyInterestBps: 199 };

describe("installments", () => {
  it("splits a total so the parts sum to it exactly, the odd cents first", () => {
    expect(splitInstallments(10000n, 3)).toEqual([3334n, 3333n, 3333n]);
    expect(splitInstallments(10001n, 12).reduce((sum, part) => sum + part, 0n)).toBe(10001n);
    expect(splitInstallments(5n, 12).reduce((sum, part) => sum + part, 0n)).toBe(5n);
  });

  it("charges no interest up to the store's interest-free count", () => {
    expect(planInstallments(10000n, 3, aurora)).toEqual({ count: 3, amount: 3334n, total: 10000n, interest: 0n, interestFree: true });
  });

  it("applies the Price table beyond it: 1.99% a month on R$ 100,00", () => {
    // PMT = 100 × 0.0199 × 1.0199^n / (1.0199^n − 1), rounded to the centavo once.
    expect(planInstallments(10000n, 4, aurora)).toEqual({ count: 4, amount: 2626n, total: 10504n, interest: 504n, interestFree: false });
    expect(planInstallments(10000n, 12, aurora)).toEqual({ count: 12, amount: 945n, total: 11340n, interest: 1340n, interestFree: false });
  });

  it("offers 1× to the maximum, interest never decreasing with more installments", () => {
    const options = installmentOptions(29890n, aurora);
    expect(options.map((plan) => plan.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [index, plan] of options.entries()) {
      expect(plan.amount * BigInt(plan.count) - plan.total).toBeLessThan(BigInt(plan.count));
      if (index) expect(plan.interest).toBeGreaterThanOrEqual(options[index - 1]!.interest);
    }
  });

  it("treats a store without interest as interest-free at any count", () => {
    expect(planInstallments(9999n, 6, { max: 6, interestFree: 1, monthlyInterestBps: 0 })).toMatchObject({ total: 9999n, interest: 0n, interestFree: true });
  });
});

import type { ShippingRateModel } from "@primestore/db";
import { describe, expect, it } from "vitest";
import { shippingAmount } from "./rates.ts";

const rate = (overrides: Partial<ShippingRateModel>): ShippingRateModel => ({
  id: "00000000-0000-7000-8000-000000000000",
  tenantId: "00000000-0000-7000-8000-000000000001",
  name: "Rate",
  kind: "flat",
  currency: "BRL",
  amount: 1500,
  minWeightGrams: null,
  maxWeightGrams: null,
  thresholdAmount: null,
  countries: [],
  active: true,
  ...overrides,
});
const parcel = { country: "BR", currency: "BRL", subtotal: 10000n, weightGrams: 300 };

describe("shipping rates", () => {
  it("charges a flat rate whatever the parcel", () => {
    expect(shippingAmount(rate({}), { ...parcel, weightGrams: 25_000 })).toBe(1500n);
  });

  it("charges by_weight per started kilogram above the minimum, at least one", () => {
    const byWeight = rate({ kind: "by_weight", amount: 1000 });
    expect(shippingAmount(byWeight, { ...parcel, weightGrams: 0 })).toBe(1000n);
    expect(shippingAmount(byWeight, { ...parcel, weightGrams: 1000 })).toBe(1000n);
    expect(shippingAmount(byWeight, { ...parcel, weightGrams: 1001 })).toBe(2000n);
    expect(shippingAmount(rate({ kind: "by_weight", amount: 1000, minWeightGrams: 2000 }), { ...parcel, weightGrams: 4500 })).toBe(3000n);
  });

  it("makes free_over free from its threshold on", () => {
    const freeOver = rate({ kind: "free_over", amount: 1990, thresholdAmount: 29900 });
    expect(shippingAmount(freeOver, { ...parcel, subtotal: 29899n })).toBe(1990n);
    expect(shippingAmount(freeOver, { ...parcel, subtotal: 29900n })).toBe(0n);
  });

  it("applies only to its currency, countries, weight band and while active", () => {
    expect(shippingAmount(rate({ currency: "USD" }), parcel)).toBeNull();
    expect(shippingAmount(rate({ countries: ["PT"] }), parcel)).toBeNull();
    expect(shippingAmount(rate({ countries: ["PT", "BR"] }), parcel)).toBe(1500n);
    expect(shippingAmount(rate({ maxWeightGrams: 299 }), parcel)).toBeNull();
    expect(shippingAmount(rate({ minWeightGrams: 301 }), parcel)).toBeNull();
    expect(shippingAmount(rate({ active: false }), parcel)).toBeNull();
  });
});

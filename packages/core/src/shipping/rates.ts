import type { ShippingRateModel } from "@primestore/db";
import type { Parcel } from "./schemas.ts";

const GRAMS_PER_KILOGRAM = 1000;

/**
 * What a rate charges for a parcel, or null when it doesn't apply. A rate applies when it is
 * active, priced in the parcel's currency (rates are never converted), lists the destination
 * country or none at all (everywhere), and the parcel weighs within its optional min/max.
 *
 * - `flat`: `amount`, whatever the parcel.
 * - `by_weight`: `amount` per started kilogram above `minWeightGrams` (0 when unset), at least
 *   one: with amount 1000 and min 0, 300 g costs 1000, 1 kg 1000, 1.2 kg 2000.
 * - `free_over`: `amount` while the subtotal is below `thresholdAmount`, free from it on.
 */
export function shippingAmount(rate: ShippingRateModel, parcel: Parcel): bigint | null {
  if (!rate.active || rate.currency !== parcel.currency) return null;
  if (rate.countries.length && !rate.countries.includes(parcel.country)) return null;
  if (rate.minWeightGrams !== null && parcel.weightGrams < rate.minWeightGrams) return null;
  if (rate.maxWeightGrams !== null && parcel.weightGrams > rate.maxWeightGrams) return null;
  switch (rate.kind) {
    case "flat":
      return BigInt(rate.amount);
    case "by_weight": {
      const above = parcel.weightGrams - (rate.minWeightGrams ?? 0);
      const kilograms = Math.max(1, Math.ceil(above / GRAMS_PER_KILOGRAM));
      return BigInt(rate.amount) * BigInt(kilograms);
    }
    case "free_over":
      // A free_over rate without a threshold is misconfigured; charging its amount is the safe reading.
      return rate.thresholdAmount !== null && parcel.subtotal >= BigInt(rate.thresholdAmount) ? 0n : BigInt(rate.amount);
  }
}

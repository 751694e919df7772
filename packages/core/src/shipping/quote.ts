import type { ShippingRateModel, Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { shippingAmount } from "./rates.ts";
import type { Parcel, ShippingOption } from "./schemas.ts";

function optionOf(rate: ShippingRateModel, parcel: Parcel): ShippingOption | null {
  const amount = shippingAmount(rate, parcel);
  return amount === null ? null : { rateId: rate.id, name: rate.name, kind: rate.kind, amount };
}

/** The store's rates that apply to the parcel, cheapest first. */
export async function quoteShipping(tx: Tx, parcel: Parcel): Promise<ShippingOption[]> {
  const rates = await tx.shippingRate.findMany({ where: { active: true, currency: parcel.currency }, orderBy: { name: "asc" } });
  return rates
    .flatMap((rate) => optionOf(rate, parcel) ?? [])
    .sort((a, b) => (a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1));
}

/**
 * The shopper's choice (the rate they named, if the store still has it), priced again now: the
 * client names a rate, never an amount. A rate that no longer applies (deactivated, another
 * country, too heavy) is refused.
 */
export function priceChosenRate(rate: ShippingRateModel | null, rateId: string, parcel: Parcel): ShippingOption {
  const option = rate?.id === rateId ? optionOf(rate, parcel) : null;
  if (!option) throw new AppError("SHIPPING_UNAVAILABLE", `Shipping rate ${rateId} doesn't apply`);
  return option;
}

import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { shippingAmount } from "./rates.ts";
import type { Parcel, ShippingOption } from "./schemas.ts";

/** The store's rates that apply to the parcel, cheapest first. */
export async function quoteShipping(tx: Tx, parcel: Parcel): Promise<ShippingOption[]> {
  const rates = await tx.shippingRate.findMany({ where: { active: true, currency: parcel.currency }, orderBy: { name: "asc" } });
  return rates
    .flatMap((rate) => {
      const amount = shippingAmount(rate, parcel);
      return amount === null ? [] : [{ rateId: rate.id, name: rate.name, kind: rate.kind, amount }];
    })
    .sort((a, b) => (a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1));
}

/**
 * The shopper's choice, priced again now: the client names a rate, never an amount. A rate that
 * no longer applies (deactivated, another country, too heavy) is refused.
 */
export async function priceChosenRate(tx: Tx, rateId: string, parcel: Parcel): Promise<ShippingOption> {
  const option = (await quoteShipping(tx, parcel)).find((candidate) => candidate.rateId === rateId);
  if (!option) throw new AppError("SHIPPING_UNAVAILABLE", `Shipping rate ${rateId} doesn't apply`);
  return option;
}

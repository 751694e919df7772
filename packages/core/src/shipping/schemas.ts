import { z } from "zod";

/** What a rate is priced on: where it goes, in which currency, how heavy, how much it's worth. */
export interface Parcel {
  /** ISO 3166-1 alpha-2 destination. */
  country: string;
  currency: string;
  /** Minor units: the goods, before shipping. */
  subtotal: bigint;
  weightGrams: number;
}

export const shippingOption = z.object({
  rateId: z.uuid(),
  name: z.string(),
  kind: z.enum(["flat", "by_weight", "free_over"]),
  /** Minor units in the parcel's currency; 0 when free. */
  amount: z.bigint(),
});
export type ShippingOption = z.infer<typeof shippingOption>;

import { listShippingRates } from "@primestore/core/shipping";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const shippingRateOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(["flat", "by_weight", "free_over"]),
  currency: z.string(),
  amount: z.number().int(),
  minWeightGrams: z.number().int().nullable(),
  maxWeightGrams: z.number().int().nullable(),
  thresholdAmount: z.number().int().nullable(),
  countries: z.array(z.string()),
  active: z.boolean(),
});

export const shippingRatesRoute = sellerProcedure("settings:read")
  .input(z.object({}).optional())
  .output(z.array(shippingRateOutput))
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listShippingRates(tx)));

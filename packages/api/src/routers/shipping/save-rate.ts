import { saveShippingRate, shippingRateInput } from "@primestore/core/shipping";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { auditedWrite } from "../audited-write.ts";

export const saveShippingRateRoute = sellerProcedure("settings:write")
  .input(shippingRateInput)
  .output(z.object({ id: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const saved = await auditedWrite(
      ctx,
      (tx) => saveShippingRate(tx, ctx.tenant.id, input),
      (rate) => ({
        action: input.id ? "shipping_rate.updated" : "shipping_rate.created",
        entity: "shipping_rate",
        entityId: rate.id,
        data: { name: rate.name, kind: input.kind, amount: String(input.amount), currency: input.currency },
      }),
    );
    return { id: saved.id };
  });

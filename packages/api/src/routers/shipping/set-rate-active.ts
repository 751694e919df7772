import { setShippingRateActive } from "@primestore/core/shipping";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { auditedWrite } from "../audited-write.ts";

export const setShippingRateActiveRoute = sellerProcedure("settings:write")
  .input(z.object({ rateId: z.uuid(), active: z.boolean() }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await auditedWrite(
      ctx,
      (tx) => setShippingRateActive(tx, input.rateId, input.active),
      ({ name }) => ({ action: input.active ? "shipping_rate.activated" : "shipping_rate.deactivated", entity: "shipping_rate", entityId: input.rateId, data: { name } }),
    );
    return { ok: true as const };
  });

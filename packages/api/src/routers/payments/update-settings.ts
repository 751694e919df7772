import { paymentSettingsInput, updatePaymentSettings } from "@primestore/core/payments";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const updatePaymentSettingsRoute = sellerProcedure("settings:write")
  .input(paymentSettingsInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => updatePaymentSettings(tx, ctx.tenant.id, input));
    return { ok: true as const };
  });

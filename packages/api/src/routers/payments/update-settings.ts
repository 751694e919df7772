import { paymentSettingsInput, updatePaymentSettings } from "@primestore/core/payments";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { auditedWrite } from "../audited-write.ts";

export const updatePaymentSettingsRoute = sellerProcedure("settings:write")
  .input(paymentSettingsInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await auditedWrite(
      ctx,
      (tx) => updatePaymentSettings(tx, ctx.tenant.id, input),
      () => ({ action: "settings.payments_updated", entity: "settings", data: { payoutSchedule: input.payoutSchedule, paymentMethods: input.checkout.paymentMethods } }),
    );
    return { ok: true as const };
  });

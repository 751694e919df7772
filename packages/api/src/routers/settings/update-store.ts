import { storeSettingsInput, updateStoreSettings } from "@primestore/core/tenants";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { auditedWrite } from "../audited-write.ts";

/** The store's name, look, languages and currencies; the storefront shows them on its next request. */
export const updateStoreSettingsRoute = sellerProcedure("settings:write")
  .input(storeSettingsInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const saved = await auditedWrite(
      ctx,
      (tx) => updateStoreSettings(tx, ctx.tenant.id, input),
      () => ({ action: "settings.store_updated", entity: "settings", data: { name: input.name, locales: input.locales, currencies: input.currencies } }),
    );
    await ctx.deps.tenants.invalidate(saved);
    return { ok: true as const };
  });

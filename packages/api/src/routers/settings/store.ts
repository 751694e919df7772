import { STORE_CURRENCIES, storeSettings } from "@primestore/core/tenants";
import { SUPPORTED_LOCALES } from "@primestore/i18n";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const storeSettingsOutput = z.object({
  name: z.string(),
  branding: z.object({ logoUrl: z.string().optional(), primaryColor: z.string().optional(), accentColor: z.string().optional() }),
  locales: z.array(z.enum(SUPPORTED_LOCALES)),
  defaultLocale: z.enum(SUPPORTED_LOCALES),
  currencies: z.array(z.enum(STORE_CURRENCIES)),
  defaultCurrency: z.enum(STORE_CURRENCIES),
});

export const storeSettingsRoute = sellerProcedure("settings:read")
  .input(z.object({}).optional())
  .output(storeSettingsOutput)
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => storeSettings(tx, ctx.tenant.id)));

import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const tenantInfo = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(["active", "suspended"]),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  defaultCurrency: z.string(),
  currencies: z.array(z.string()),
  branding: z.object({ logoUrl: z.string().optional(), primaryColor: z.string().optional(), accentColor: z.string().optional() }),
});

export const currentTenantRoute = publicProcedure
  .input(z.object({}).optional())
  .output(tenantInfo)
  .query(({ ctx }) => ctx.tenant);

import { sellerPermission } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";

export const meOutput = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    staffRole: z.enum(["admin", "support", "analyst"]).nullable(),
    twoFactorEnabled: z.boolean(),
    memberships: z.array(
      z.object({
        tenantId: z.uuid(),
        tenantSlug: z.string(),
        tenantName: z.string(),
        role: z.enum(["owner", "manager", "staff", "custom"]),
        roleName: z.string().nullable(),
        permissions: z.array(sellerPermission),
      }),
    ),
  })
  .nullable();

export const meRoute = baseProcedure
  .input(z.object({}).optional())
  .output(meOutput)
  .query(({ ctx }) => ctx.user());

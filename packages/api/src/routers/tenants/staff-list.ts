import { listTenantsForStaff } from "@primestore/core/tenants";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";

export const staffListTenantsRoute = staffProcedure("tenants:read")
  .input(z.object({}).optional())
  .output(
    z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        status: z.enum(["active", "suspended"]),
        hosts: z.array(z.string()),
        locales: z.array(z.string()),
        currencies: z.array(z.string()),
        productCount: z.number().int(),
        orderCount: z.number().int(),
      }),
    ),
  )
  .query(({ ctx }) => listTenantsForStaff(ctx.adminDb));

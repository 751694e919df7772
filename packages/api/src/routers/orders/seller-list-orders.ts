import { listOrdersForSeller } from "@primestore/core/orders";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const sellerListOrdersRoute = sellerProcedure("orders:read")
  .input(z.object({}).optional())
  .output(
    z.array(
      z.object({ id: z.uuid(), number: z.number().int(), email: z.string(), status: z.string(), total: z.bigint(), currency: z.string(), placedAt: z.date() }),
    ),
  )
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listOrdersForSeller(tx)));

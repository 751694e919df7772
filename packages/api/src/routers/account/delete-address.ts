import { addressId, deleteAddress } from "@primestore/core/account";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { shopperProcedure } from "../../trpc.ts";

export const deleteAddressRoute = shopperProcedure
  .input(addressId)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => deleteAddress(tx, ctx.customer.id, input));
    return { ok: true as const };
  });

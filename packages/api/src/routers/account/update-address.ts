import { addressUpdateInput, addressView, updateAddress } from "@primestore/core/account";
import { withTenant } from "@primestore/db";
import { shopperProcedure } from "../../trpc.ts";

export const updateAddressRoute = shopperProcedure
  .input(addressUpdateInput)
  .output(addressView)
  .mutation(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => updateAddress(tx, ctx.customer.id, input)));

import { addressView, createAddress, newAddressInput } from "@primestore/core/account";
import { withTenant } from "@primestore/db";
import { shopperProcedure } from "../../trpc.ts";

export const createAddressRoute = shopperProcedure
  .input(newAddressInput)
  .output(addressView)
  .mutation(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => createAddress(tx, { tenantId: ctx.tenant.id, id: ctx.customer.id }, input)));

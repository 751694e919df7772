import { addressView, listAddresses } from "@primestore/core/account";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { shopperProcedure } from "../../trpc.ts";

export const listAddressesRoute = shopperProcedure
  .input(z.object({}).optional())
  .output(z.array(addressView))
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listAddresses(tx, ctx.customer.id)));

import { getCustomerOrder, orderDetailView, orderNumberInput } from "@primestore/core/account";
import { withTenant } from "@primestore/db";
import { shopperProcedure } from "../../trpc.ts";

export const getOrderRoute = shopperProcedure
  .input(orderNumberInput)
  .output(orderDetailView)
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => getCustomerOrder(tx, ctx.customer.id, input)));

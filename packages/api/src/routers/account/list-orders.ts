import { listCustomerOrders, orderHistoryInput, orderHistoryPage } from "@primestore/core/account";
import { withTenant } from "@primestore/db";
import { shopperProcedure } from "../../trpc.ts";

export const listOrdersRoute = shopperProcedure
  .input(orderHistoryInput)
  .output(orderHistoryPage)
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listCustomerOrders(tx, ctx.customer.id, input)));

import { getOrderStatus, orderAccess, orderStatusView } from "@primestore/core/orders";
import { withTenant } from "@primestore/db";
import { privateProcedure } from "../../trpc.ts";

export const statusRoute = privateProcedure
  .input(orderAccess)
  .output(orderStatusView)
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => getOrderStatus(tx, ctx.tenant.id, input)));

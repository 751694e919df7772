import { getOrderStatus, orderAccess, orderStatusView } from "@primestore/core/orders";
import { withTenant } from "@primestore/db";
import { privateProcedure } from "../../trpc.ts";

export const statusRoute = privateProcedure
  .input(orderAccess)
  .output(orderStatusView)
  .query(async ({ ctx, input }) => {
    const status = await withTenant(ctx.db, ctx.tenant.id, (tx) => getOrderStatus(tx, ctx.tenant.id, input, ctx.deps.payments));
    // The test buttons show only where they would work.
    return { ...status, payment: { ...status.payment, sandbox: status.payment.sandbox && ctx.deps.paymentsSandbox } };
  });

import { getPaymentProgress, orderAccess, paymentProgress } from "@primestore/core/orders";
import { withTenant } from "@primestore/db";
import { privateProcedure } from "../../trpc.ts";

/** Polled by the order status page until the payment is settled. */
export const paymentStatusRoute = privateProcedure
  .input(orderAccess)
  .output(paymentProgress)
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => getPaymentProgress(tx, ctx.tenant.id, input)));

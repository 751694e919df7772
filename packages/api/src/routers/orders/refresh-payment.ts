import { orderAccess, paymentProgress } from "@primestore/core/orders";
import { refreshPayment } from "@primestore/core/payments";
import { privateProcedure } from "../../trpc.ts";

/** The buyer finished what their card's bank asked (3-D Secure): ask the provider now rather than wait for its webhook. */
export const refreshPaymentRoute = privateProcedure
  .input(orderAccess)
  .output(paymentProgress)
  .mutation(({ ctx, input }) => refreshPayment(ctx.db, ctx.deps.payments, ctx.tenant.id, input));

import { placedOrder, placeOrder, placeOrderInput } from "@primestore/core/orders";
import { visitorProcedure } from "../../trpc.ts";

export const placeOrderRoute = visitorProcedure
  .input(placeOrderInput)
  .output(placedOrder)
  .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.tenant, input, { lines: input.lines, customerId: ctx.customer?.id ?? null, expectedSubtotal: input.expectedSubtotal }, ctx.deps.payments));

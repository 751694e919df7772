import { placedOrder, placeOrder, placeOrderInput } from "@primestore/core/orders";
import { publicProcedure } from "../../trpc.ts";

export const placeOrderRoute = publicProcedure
  .input(placeOrderInput)
  .output(placedOrder)
  .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.tenant, input, { lines: input.lines }, ctx.deps.payments));

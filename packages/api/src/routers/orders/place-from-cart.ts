import { placedOrder, placeFromCartInput, placeOrder } from "@primestore/core/orders";
import { cartProcedure } from "../cart/cart-procedure.ts";

export const placeFromCartRoute = cartProcedure
  .input(placeFromCartInput)
  .output(placedOrder)
  .mutation(({ ctx, input }) =>
    placeOrder(ctx.db, ctx.tenant, input, { cart: ctx.cartOwner, expectedSubtotal: input.expectedSubtotal }, ctx.deps.payments),
  );

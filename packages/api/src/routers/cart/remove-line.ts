import { cartLineRef, cartPreferences, cartView, removeCartLine } from "@primestore/core/cart";
import { withTenant } from "@primestore/db";
import { cartProcedure, cartShopper } from "./cart-procedure.ts";

export const removeLineInput = cartPreferences.extend(cartLineRef.shape);

export const removeLineRoute = cartProcedure
  .input(removeLineInput)
  .output(cartView)
  .mutation(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => removeCartLine(tx, cartShopper(ctx, input), input)));

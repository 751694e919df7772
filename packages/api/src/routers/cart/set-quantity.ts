import { cartLineQuantity, cartPreferences, cartView, setCartLineQuantity } from "@primestore/core/cart";
import { withTenant } from "@primestore/db";
import { cartProcedure, cartShopper } from "./cart-procedure.ts";

export const setQuantityInput = cartPreferences.extend(cartLineQuantity.shape);

export const setQuantityRoute = cartProcedure
  .input(setQuantityInput)
  .output(cartView)
  .mutation(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => setCartLineQuantity(tx, cartShopper(ctx, input), input)));

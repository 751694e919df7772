import { cartPreferences, cartView, getCart } from "@primestore/core/cart";
import { withTenant } from "@primestore/db";
import { cartProcedure, cartShopper } from "./cart-procedure.ts";

export const getCartRoute = cartProcedure
  .input(cartPreferences)
  .output(cartView)
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => getCart(tx, cartShopper(ctx, input))));

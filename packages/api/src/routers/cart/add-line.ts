import { addCartLine, cartLineToAdd, cartPreferences, cartView } from "@primestore/core/cart";
import { withTenant } from "@primestore/db";
import { cartProcedure, cartShopper, rememberGuestCart } from "./cart-procedure.ts";

export const addLineInput = cartPreferences.extend(cartLineToAdd.shape);

export const addLineRoute = cartProcedure
  .input(addLineInput)
  .output(cartView)
  .mutation(async ({ ctx, input }) => {
    const { cart, guestToken } = await withTenant(ctx.db, ctx.tenant.id, (tx) => addCartLine(tx, cartShopper(ctx, input), input));
    if (guestToken) rememberGuestCart(ctx, guestToken);
    return cart;
  });

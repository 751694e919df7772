import { checkoutOffer, checkoutOfferInput, getCheckoutOffer } from "@primestore/core/orders";
import { cartProcedure } from "../cart/cart-procedure.ts";

/** The checkout page's options for the shopper's cart (or buy-now lines) and destination. */
export const quoteRoute = cartProcedure
  .input(checkoutOfferInput)
  .output(checkoutOffer)
  .query(({ ctx, input }) => getCheckoutOffer(ctx.db, ctx.tenant, ctx.deps.payments, input, ctx.cartOwner));

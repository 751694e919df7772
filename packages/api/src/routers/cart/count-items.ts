import { countCartItems } from "@primestore/core/cart";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { cartProcedure } from "./cart-procedure.ts";

export const countItemsRoute = cartProcedure
  .input(z.object({}).optional())
  .output(z.object({ itemCount: z.number().int().nonnegative() }))
  .query(async ({ ctx }) => ({ itemCount: await withTenant(ctx.db, ctx.tenant.id, (tx) => countCartItems(tx, ctx.cartOwner)) }));

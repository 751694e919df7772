import { guestOrderLookupInput, lookupGuestOrder, orderDetailView } from "@primestore/core/account";
import { privateProcedure } from "../../trpc.ts";

/** A mutation although it reads: it counts misses, and nobody should prefetch or retry it. */
export const lookupGuestOrderRoute = privateProcedure
  .input(guestOrderLookupInput)
  .output(orderDetailView)
  .mutation(({ ctx, input }) => lookupGuestOrder(ctx.db, ctx.deps.cache, ctx.tenant.id, input));

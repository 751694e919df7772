import { requestPayout } from "@primestore/core/payments";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

/** "Pay me now": a payout of the available balance, executed by the worker like scheduled ones. */
export const requestPayoutRoute = sellerProcedure("payments:write")
  .input(z.object({ currency: z.string().regex(/^[A-Z]{3}$/), idempotencyKey: z.string().min(16).max(100) }))
  .output(z.object({ id: z.uuid(), amount: z.bigint(), currency: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const payout = await requestPayout(ctx.db, ctx.tenant.id, input.currency, input.idempotencyKey);
    return { id: payout.id, amount: payout.amount, currency: payout.currency };
  });

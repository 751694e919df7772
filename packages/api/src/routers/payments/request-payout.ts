import { requestPayout } from "@primestore/core/payments";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

/** "Pay me now": the available balance paid out (a payout per provider holding it), executed by the worker like scheduled ones. */
export const requestPayoutRoute = sellerProcedure("payouts:write")
  .input(z.object({ currency: z.string().regex(/^[A-Z]{3}$/), idempotencyKey: z.string().min(16).max(100) }))
  .output(z.object({ amount: z.bigint(), currency: z.string(), payouts: z.array(z.object({ id: z.uuid(), amount: z.bigint(), provider: z.enum(["test", "mercadopago", "stripe"]) })) }))
  .mutation(async ({ ctx, input }) => {
    const payouts = await requestPayout(ctx.db, ctx.tenant.id, input.currency, input.idempotencyKey, ctx.user.id);
    return {
      amount: payouts.reduce((sum, payout) => sum + payout.amount, 0n),
      currency: input.currency,
      payouts: payouts.map(({ id, amount, provider }) => ({ id, amount, provider })),
    };
  });

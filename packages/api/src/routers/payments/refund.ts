import { requestRefund } from "@primestore/core/payments";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

/** A full or partial refund from the order page; the form's key makes a double submit one refund. */
export const refundRoute = sellerProcedure("refunds:write")
  .input(
    z.object({
      paymentId: z.uuid(),
      amount: z.bigint().positive(),
      reason: z.string().trim().max(500).optional(),
      idempotencyKey: z.string().min(16).max(100),
    }),
  )
  .output(z.object({ id: z.uuid(), amount: z.bigint(), currency: z.string(), status: z.enum(["pending", "succeeded", "failed"]) }))
  .mutation(({ ctx, input }) => requestRefund(ctx.db, ctx.deps.payments, ctx.tenant.id, { ...input, requestedBy: ctx.user.id }));

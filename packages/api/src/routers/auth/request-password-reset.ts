import { requestUserPasswordReset, userPasswordResetRequestInput } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";

/** The same answer for any email: whether it has an account isn't anyone's to learn here. */
export const requestPasswordResetRoute = baseProcedure
  .input(userPasswordResetRequestInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await requestUserPasswordReset(ctx.db, input, ctx.deps.payments.portalUrl);
    return { ok: true as const };
  });

import { passwordResetRequestInput, requestPasswordReset } from "@primestore/core/account";
import { z } from "zod";
import { privateProcedure } from "../../trpc.ts";

/** The same answer whether or not the email has an account here. */
export const requestPasswordResetRoute = privateProcedure
  .input(passwordResetRequestInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, input, { tenant: ctx.tenant, origin: ctx.origin });
    return { ok: true as const };
  });

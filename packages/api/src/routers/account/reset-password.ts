import { passwordResetInput, resetPassword } from "@primestore/core/account";
import { z } from "zod";
import { privateProcedure } from "../../trpc.ts";
import { endBrowserSession } from "./session-cookies.ts";

/** Every session of the account ended with the reset, this browser's too: the shopper signs in afresh. */
export const resetPasswordRoute = privateProcedure
  .input(passwordResetInput)
  .output(z.object({ email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const result = await resetPassword(ctx.db, ctx.tenant.id, input);
    if (ctx.customerToken) endBrowserSession(ctx);
    return result;
  });

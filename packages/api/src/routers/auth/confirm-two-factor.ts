import { confirmTwoFactor } from "@primestore/core/auth";
import { z } from "zod";
import { authedProcedure } from "../../trpc.ts";
import { twoFactorCode } from "./two-factor-code.ts";

/** Turns two-factor sign-in on with a code from the app; the recovery codes are in the answer, this once. */
export const confirmTwoFactorRoute = authedProcedure
  .input(z.object({ code: twoFactorCode }))
  .output(z.object({ recoveryCodes: z.array(z.string()) }))
  .mutation(({ ctx, input }) => confirmTwoFactor(ctx.db, ctx.user.id, input.code));

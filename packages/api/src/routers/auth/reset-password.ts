import { resetUserPassword, userPasswordResetInput } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";

export const resetPasswordRoute = baseProcedure
  .input(userPasswordResetInput)
  .output(z.object({ email: z.string() }))
  .mutation(({ ctx, input }) => resetUserPassword(ctx.db, input));

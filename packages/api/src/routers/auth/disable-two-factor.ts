import { disableTwoFactor } from "@primestore/core/auth";
import { z } from "zod";
import { authedProcedure } from "../../trpc.ts";
import { twoFactorCode } from "./two-factor-code.ts";

export const disableTwoFactorRoute = authedProcedure
  .input(z.object({ password: z.string().min(1).max(200), code: twoFactorCode }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await disableTwoFactor(ctx.db, ctx.user.id, input);
    return { ok: true as const };
  });

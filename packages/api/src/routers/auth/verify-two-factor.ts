import { completeTwoFactorSignIn, SESSION_TTL_MS } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";
import { setSessionCookie } from "./session-cookie.ts";
import { twoFactorCode } from "./two-factor-code.ts";

/** Signing in, second step: the code for the session the password opened; the cookie then lasts as long as the session. */
export const verifyTwoFactorRoute = baseProcedure
  .input(z.object({ code: twoFactorCode }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const { expiresAt } = await completeTwoFactorSignIn(ctx.db, ctx.sessionToken, input.code, SESSION_TTL_MS);
    setSessionCookie(ctx.resHeaders, { token: ctx.sessionToken!, expiresAt });
    return { ok: true as const };
  });

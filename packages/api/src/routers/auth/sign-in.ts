import { signInInput, signInUser } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";
import { setSessionCookie } from "./session-cookie.ts";

export const signInRoute = baseProcedure
  .input(signInInput)
  /** `twoFactor`: the password passed, and the session waits for a code (verifyTwoFactor). */
  .output(z.object({ ok: z.literal(true), twoFactor: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const session = await signInUser(ctx.db, input);
    setSessionCookie(ctx.resHeaders, session);
    return { ok: true as const, twoFactor: session.twoFactor };
  });

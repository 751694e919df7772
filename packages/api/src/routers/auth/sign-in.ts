import { signInInput, signInUser } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";
import { setSessionCookie } from "./session-cookie.ts";

export const signInRoute = baseProcedure
  .input(signInInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    setSessionCookie(ctx.resHeaders, await signInUser(ctx.db, input));
    return { ok: true as const };
  });

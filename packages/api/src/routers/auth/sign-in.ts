import { signInInput, signInUser } from "@primestore/core/auth";
import { z } from "zod";
import { SESSION_COOKIE } from "../../context.ts";
import { secureCookies, serializeCookie } from "../../cookies.ts";
import { baseProcedure } from "../../trpc.ts";

export const signInRoute = baseProcedure
  .input(signInInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const session = await signInUser(ctx.db, input);
    const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
    ctx.resHeaders.append("Set-Cookie", serializeCookie(SESSION_COOKIE, session.token, { maxAgeSeconds, secure: secureCookies() }));
    return { ok: true as const };
  });

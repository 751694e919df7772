import { signOut } from "@primestore/core/auth";
import { z } from "zod";
import { SESSION_COOKIE } from "../../context.ts";
import { serializeCookie } from "../../cookies.ts";
import { baseProcedure } from "../../trpc.ts";

export const signOutRoute = baseProcedure
  .input(z.object({}).optional())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await signOut(ctx.db, ctx.sessionToken);
    ctx.resHeaders.append("Set-Cookie", serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0 }));
    return { ok: true as const };
  });

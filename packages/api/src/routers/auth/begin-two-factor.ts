import { beginTwoFactor } from "@primestore/core/auth";
import { z } from "zod";
import { authedProcedure } from "../../trpc.ts";

/** A new secret for the signed-in user's authenticator app; two-factor sign-in starts once a code confirms it. */
export const beginTwoFactorRoute = authedProcedure
  .input(z.object({}).optional())
  .output(z.object({ secret: z.string(), uri: z.string() }))
  .mutation(({ ctx }) => beginTwoFactor(ctx.db, ctx.user.id));

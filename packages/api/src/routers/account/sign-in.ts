import { customerSignInInput, signInCustomer } from "@primestore/core/account";
import { z } from "zod";
import { privateProcedure } from "../../trpc.ts";
import { startBrowserSession } from "./session-cookies.ts";

export const signInRoute = privateProcedure
  .input(customerSignInInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    startBrowserSession(ctx, await signInCustomer(ctx.db, ctx.deps.cache, ctx.tenant.id, input, ctx.cartToken));
    return { ok: true as const };
  });

import { signUpCustomer, signUpInput } from "@primestore/core/account";
import { z } from "zod";
import { privateProcedure } from "../../trpc.ts";
import { startBrowserSession } from "./session-cookies.ts";

export const signUpRoute = privateProcedure
  .input(signUpInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    startBrowserSession(ctx, await signUpCustomer(ctx.db, ctx.tenant.id, input, ctx.cartToken));
    return { ok: true as const };
  });

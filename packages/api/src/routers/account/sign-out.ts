import { endCustomerSession } from "@primestore/core/account";
import { z } from "zod";
import { privateProcedure } from "../../trpc.ts";
import { endBrowserSession } from "./session-cookies.ts";

export const signOutRoute = privateProcedure
  .input(z.object({}).optional())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    if (ctx.customerToken) await endCustomerSession(ctx.db, ctx.tenant.id, ctx.customerToken);
    endBrowserSession(ctx);
    return { ok: true as const };
  });

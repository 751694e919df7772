import { disconnectPaymentAccount } from "@primestore/core/payments";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { connectableProvider } from "./connect.ts";

export const disconnectRoute = sellerProcedure("settings:write")
  .input(z.object({ provider: connectableProvider }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => disconnectPaymentAccount(tx, ctx.tenant.id, input.provider));
    return { ok: true as const };
  });

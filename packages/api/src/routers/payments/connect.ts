import { startConnect } from "@primestore/core/payments";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const connectableProvider = z.enum(["mercadopago", "stripe"]);

/** Where to send the seller to connect their provider account (OAuth / onboarding). */
export const connectRoute = sellerProcedure("settings:write")
  .input(z.object({ provider: connectableProvider }))
  .output(z.object({ url: z.url() }))
  .mutation(async ({ ctx, input }) => {
    return { url: await withTenant(ctx.db, ctx.tenant.id, (tx) => startConnect(tx, ctx.deps.payments, ctx.tenant, input.provider)) };
  });

import { disconnectPaymentAccount } from "@primestore/core/payments";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { connectableProvider } from "./connect.ts";
import { auditedWrite } from "../audited-write.ts";

export const disconnectRoute = sellerProcedure("settings:write")
  .input(z.object({ provider: connectableProvider }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await auditedWrite(
      ctx,
      (tx) => disconnectPaymentAccount(tx, ctx.tenant.id, input.provider),
      () => ({ action: "provider.disconnected", entity: "payment_account", data: { provider: input.provider } }),
    );
    return { ok: true as const };
  });

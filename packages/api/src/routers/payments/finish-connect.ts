import { finishConnect } from "@primestore/core/payments";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { connectableProvider } from "./connect.ts";
import { auditedWrite } from "../audited-write.ts";

/** The provider sent the seller back: check the signed state, exchange the code, store the account sealed. */
export const finishConnectRoute = sellerProcedure("settings:write")
  .input(
    z.object({
      provider: connectableProvider,
      state: z.string().min(10).max(300),
      code: z.string().min(1).max(500).optional(),
      accountId: z.string().min(1).max(100).optional(),
    }),
  )
  .output(z.object({ accountId: z.string() }))
  .mutation(({ ctx, input }) =>
    auditedWrite(
      ctx,
      (tx) => finishConnect(tx, ctx.deps.payments, ctx.tenant.id, input.provider, input),
      ({ accountId }) => ({ action: "provider.connected", entity: "payment_account", data: { provider: input.provider, accountId } }),
    ),
  );

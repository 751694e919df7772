import { payoutStatement } from "@primestore/core/payments";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { payoutSummary } from "./finance.ts";

export const payoutStatementRoute = sellerProcedure("payouts:read")
  .input(z.object({ payoutId: z.uuid() }))
  .output(
    z.object({
      payout: payoutSummary,
      openingBalance: z.bigint(),
      lines: z.array(z.object({ entryId: z.uuid(), kind: z.string(), reference: z.string(), description: z.string().nullable(), amount: z.bigint(), createdAt: z.date() })),
    }),
  )
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => payoutStatement(tx, ctx.tenant.id, input.payoutId)));

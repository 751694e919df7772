import { financeOverview } from "@primestore/core/payments";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

const providerId = z.enum(["test", "mercadopago", "stripe"]);

export const payoutSummary = z.object({
  id: z.uuid(),
  amount: z.bigint(),
  currency: z.string(),
  status: z.enum(["pending", "processing", "paid", "failed"]),
  provider: providerId,
  periodStart: z.date(),
  periodEnd: z.date(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  failureReason: z.string().nullable(),
});

export const financeRoute = sellerProcedure("payouts:read")
  .input(z.object({}).optional())
  .output(
    z.object({
      balances: z.array(z.object({ currency: z.string(), pending: z.bigint(), available: z.bigint(), payable: z.bigint() })),
      byProvider: z.array(
        z.object({ currency: z.string(), provider: providerId.nullable(), pending: z.bigint(), available: z.bigint(), releasesMoney: z.boolean() }),
      ),
      releases: z.array(z.object({ currency: z.string(), provider: providerId, day: z.date().nullable(), amount: z.bigint() })),
      payouts: z.array(payoutSummary),
      holdDays: z.number().int(),
      schedule: z.enum(["daily", "weekly", "monthly", "manual"]),
    }),
  )
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => financeOverview(tx, ctx.tenant.id)));

import { paymentSettings } from "@primestore/core/payments";
import { checkoutSettingsSchema } from "@primestore/core/orders";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

const provider = z.enum(["test", "mercadopago", "stripe"]);

export const paymentSettingsOutput = z.object({
  checkout: checkoutSettingsSchema,
  payoutSchedule: z.enum(["daily", "weekly", "monthly", "manual"]),
  payoutHoldDays: z.number().int(),
  refundCommission: z.enum(["reverse", "keep"]),
  commissionBps: z.number().int(),
  configuredProviders: z.array(provider),
  accounts: z.array(
    z.object({ provider, accountId: z.string(), status: z.enum(["pending", "active", "disconnected"]), expiresAt: z.date().nullable(), updatedAt: z.date() }),
  ),
});

export const paymentSettingsRoute = sellerProcedure("settings:read")
  .input(z.object({}).optional())
  .output(paymentSettingsOutput)
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => paymentSettings(tx, ctx.tenant.id, ctx.deps.payments)));

import { getOrderForSeller } from "@primestore/core/orders";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

const money = z.bigint();

export const sellerGetOrderRoute = sellerProcedure("orders:read")
  .input(z.object({ number: z.number().int().positive() }))
  .output(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      email: z.string(),
      status: z.string(),
      currency: z.string(),
      subtotal: money,
      shippingTotal: money,
      total: money,
      placedAt: z.date(),
      lines: z.array(z.object({ id: z.uuid(), sku: z.string(), title: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), total: money })),
      addresses: z.array(
        z.object({
          name: z.string(),
          line1: z.string(),
          number: z.string().nullable(),
          district: z.string().nullable(),
          city: z.string(),
          region: z.string(),
          postalCode: z.string(),
          country: z.string(),
        }),
      ),
      payments: z.array(
        z.object({
          id: z.uuid(),
          provider: z.string(),
          method: z.string(),
          status: z.string(),
          amount: money,
          installments: z.number().int(),
          capturedAmount: money,
          refundedAmount: money,
          chargedBackAmount: money,
          /** Installment interest the provider charged the shopper on top of `amount`; never the store's money. */
          providerInterest: money,
          refunds: z.array(z.object({ id: z.uuid(), amount: money, status: z.string(), reason: z.string().nullable(), createdAt: z.date() })),
        }),
      ),
      statusChanges: z.array(z.object({ status: z.string(), note: z.string().nullable(), createdAt: z.date() })),
    }),
  )
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => getOrderForSeller(tx, input.number)));

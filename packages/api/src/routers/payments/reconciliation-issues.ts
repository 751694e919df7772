import { openReconciliationIssues } from "@primestore/core/payments";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What reconciliation wrote next to a difference (core/payments/reconciliation-issue.ts): text by name. */
const details = z.record(z.string(), z.string());

export const reconciliationIssuesRoute = staffProcedure("finance:read")
  .input(z.object({}).optional())
  .output(
    z.array(
      z.object({
        id: z.uuid(),
        day: z.date(),
        provider: z.enum(["test", "mercadopago", "stripe"]),
        kind: z.string(),
        reference: z.string(),
        expected: z.bigint().nullable(),
        actual: z.bigint().nullable(),
        /** The amounts' currency: the payment's, when the reference is one of ours, else the one noted with it (a payout's, or the provider's for a payment we don't hold). */
        currency: z.string().nullable(),
        details,
        tenant: z.object({ slug: z.string(), name: z.string() }),
      }),
    ),
  )
  .query(async ({ ctx }) => {
    const issues = await openReconciliationIssues(ctx.adminDb);
    const paymentIds = [...new Set(issues.map((issue) => issue.reference).filter((reference) => UUID.test(reference)))];
    const payments = paymentIds.length ? await ctx.adminDb.payment.findMany({ where: { id: { in: paymentIds } }, select: { id: true, currency: true } }) : [];
    const currencyOf = new Map(payments.map((payment) => [payment.id, payment.currency]));
    return issues.map((issue) => {
      const said = details.parse(issue.details);
      return { ...issue, details: said, currency: currencyOf.get(issue.reference) ?? said.currency ?? null };
    });
  });

import { openReconciliationIssues } from "@primestore/core/payments";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";

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
        tenant: z.object({ slug: z.string(), name: z.string() }),
      }),
    ),
  )
  .query(({ ctx }) => openReconciliationIssues(ctx.adminDb));

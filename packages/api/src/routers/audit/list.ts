import { auditFilter, listAudit } from "@primestore/core/audit";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

/** Who did what and when in the store: the team's permission, since it shows everyone's actions. */
export const listAuditRoute = sellerProcedure("team:read")
  .input(auditFilter)
  .output(
    z.object({
      entries: z.array(
        z.object({
          id: z.uuid(),
          at: z.date(),
          actorType: z.string(),
          actor: person.nullable(),
          action: z.string(),
          entity: z.string(),
          entityId: z.string().nullable(),
          data: z.record(z.string(), z.unknown()),
        }),
      ),
      next: z.uuid().nullable(),
      entities: z.array(z.string()),
      people: z.array(person),
    }),
  )
  .query(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listAudit(tx, input)));

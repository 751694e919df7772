import { deleteRole } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

export const deleteRoleRoute = sellerProcedure("team:write")
  .input(z.object({ roleId: z.uuid() }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => deleteRole(tx, ctx.tenant.id, teamActor(ctx), input.roleId));
    return { ok: true as const };
  });

import { changeMemberRole, memberRoleInput } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

export const changeMemberRoleRoute = sellerProcedure("team:write")
  .input(z.object({ memberId: z.uuid(), role: memberRoleInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => changeMemberRole(tx, ctx.tenant.id, teamActor(ctx), input.memberId, input.role));
    return { ok: true as const };
  });

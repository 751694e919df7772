import { removeMember } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

export const removeMemberRoute = sellerProcedure("team:write")
  .input(z.object({ memberId: z.uuid() }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => removeMember(tx, ctx.tenant.id, teamActor(ctx), input.memberId));
    return { ok: true as const };
  });

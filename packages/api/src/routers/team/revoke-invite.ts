import { revokeInvite } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

export const revokeInviteRoute = sellerProcedure("team:write")
  .input(z.object({ inviteId: z.uuid() }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.tenant.id, (tx) => revokeInvite(tx, ctx.tenant.id, teamActor(ctx), input.inviteId));
    return { ok: true as const };
  });

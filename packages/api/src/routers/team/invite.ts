import { inviteInput, inviteMember } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

export const inviteMemberRoute = sellerProcedure("team:write")
  .input(inviteInput)
  .output(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => inviteMember(tx, ctx.tenant.id, teamActor(ctx), input, ctx.deps.payments.portalUrl)));

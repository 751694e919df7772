import { roleInput, saveRole } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

export const saveRoleRoute = sellerProcedure("team:write")
  .input(roleInput)
  .output(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => withTenant(ctx.db, ctx.tenant.id, (tx) => saveRole(tx, ctx.tenant.id, teamActor(ctx), input)));

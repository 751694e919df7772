import { sellerPermission } from "@primestore/core/auth";
import { listTeam } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { teamActor } from "./team-actor.ts";

const memberRole = z.enum(["owner", "manager", "staff", "custom"]);

export const teamOutput = z.object({
  members: z.array(
    z.object({
      id: z.uuid(),
      userId: z.uuid(),
      name: z.string(),
      email: z.string(),
      role: memberRole,
      roleId: z.uuid().nullable(),
      roleName: z.string().nullable(),
      joinedAt: z.date(),
      /** The signed-in member's own row. */
      you: z.boolean(),
      /** The actor may change or remove this member. */
      manageable: z.boolean(),
    }),
  ),
  roles: z.array(z.object({ id: z.uuid(), name: z.string(), permissions: z.array(sellerPermission), members: z.number().int(), editable: z.boolean() })),
  invites: z.array(
    z.object({
      id: z.uuid(),
      email: z.string(),
      role: memberRole,
      roleId: z.uuid().nullable(),
      roleName: z.string().nullable(),
      expiresAt: z.date(),
      expired: z.boolean(),
      /** The actor may send it again or withdraw it. */
      manageable: z.boolean(),
    }),
  ),
  /** The roles the actor may give. */
  assignable: z.object({ builtIn: z.array(z.enum(["owner", "manager", "staff"])), custom: z.array(z.uuid()) }),
});

export const listTeamRoute = sellerProcedure("team:read")
  .input(z.object({}).optional())
  .output(teamOutput)
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listTeam(tx, teamActor(ctx))));

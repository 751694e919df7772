import { sellerPermission } from "@primestore/core/auth";
import { listTeam } from "@primestore/core/team";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

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
    }),
  ),
  roles: z.array(z.object({ id: z.uuid(), name: z.string(), permissions: z.array(sellerPermission), members: z.number().int() })),
});

export const listTeamRoute = sellerProcedure("team:read")
  .input(z.object({}).optional())
  .output(teamOutput)
  .query(({ ctx }) => withTenant(ctx.db, ctx.tenant.id, (tx) => listTeam(tx)));

import type { TeamActor } from "@primestore/core/team";
import type { SessionMembership } from "@primestore/core/auth";

/** The signed-in member acting on their store's team. */
export const teamActor = (ctx: { user: { id: string }; membership: SessionMembership }): TeamActor => ({
  userId: ctx.user.id,
  role: ctx.membership.role,
  permissions: ctx.membership.permissions,
});

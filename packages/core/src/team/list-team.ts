import type { MemberRole, Tx } from "@primestore/db";
import { memberPermissions } from "../auth/index.ts";
import { actorCovers, type TeamActor } from "./team-actor.ts";

const BUILT_IN_ROLES = ["owner", "manager", "staff"] as const satisfies readonly MemberRole[];

/**
 * The store's team page: its members with their roles, the store's own roles with how many hold
 * each, the invitations not yet accepted or withdrawn, and what the actor may do with them, so the page offers only what the server will accept.
 */
export async function listTeam(tx: Tx, actor: TeamActor) {
  const [members, roles, invites] = await Promise.all([
    tx.membership.findMany({ include: { user: { select: { email: true, name: true } }, customRole: true }, orderBy: { createdAt: "asc" } }),
    tx.tenantRole.findMany({ include: { _count: { select: { memberships: true } } }, orderBy: { name: "asc" } }),
    tx.memberInvite.findMany({ where: { acceptedAt: null, revokedAt: null }, include: { customRole: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const now = new Date();
  const storeRoles = roles.map((role) => ({ id: role.id, name: role.name, permissions: memberPermissions("custom", role.permissions), members: role._count.memberships }));
  return {
    members: members.map((member) => ({
      id: member.id,
      userId: member.userId,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      roleId: member.roleId,
      roleName: member.customRole?.name ?? null,
      joinedAt: member.createdAt,
      you: member.userId === actor.userId,
      manageable: member.userId !== actor.userId && actorCovers(actor, memberPermissions(member.role, member.customRole?.permissions), member.role === "owner"),
    })),
    roles: storeRoles.map((role) => ({ ...role, editable: actorCovers(actor, role.permissions, false) })),
    invites: invites.map((invite) => ({
      id: invite.id,
      email: invite.email,
      role: invite.role,
      roleId: invite.roleId,
      roleName: invite.customRole?.name ?? null,
      expiresAt: invite.expiresAt,
      expired: invite.expiresAt <= now,
      manageable: actorCovers(actor, memberPermissions(invite.role, invite.customRole?.permissions), invite.role === "owner"),
    })),
    assignable: {
      builtIn: BUILT_IN_ROLES.filter((role) => actorCovers(actor, memberPermissions(role, null), role === "owner")),
      custom: storeRoles.filter((role) => actorCovers(actor, role.permissions, false)).map((role) => role.id),
    },
  };
}

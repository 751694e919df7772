import type { Tx } from "@primestore/db";
import { memberPermissions } from "../auth/index.ts";

/** The store's team page: its members with their roles, and the store's own roles with how many hold each. */
export async function listTeam(tx: Tx) {
  const [members, roles] = await Promise.all([
    tx.membership.findMany({ include: { user: { select: { email: true, name: true } }, customRole: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    tx.tenantRole.findMany({ include: { _count: { select: { memberships: true } } }, orderBy: { name: "asc" } }),
  ]);
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
    })),
    roles: roles.map((role) => ({ id: role.id, name: role.name, permissions: memberPermissions("custom", role.permissions), members: role._count.memberships })),
  };
}

import type { Tx } from "@primestore/db";
import { recordAudit } from "../audit/index.ts";
import { memberPermissions } from "../auth/index.ts";
import { AppError, isForeignKeyViolation } from "../errors/index.ts";
import { assertActorCovers, type TeamActor } from "./team-actor.ts";

/** Deletes one of the store's roles; one a member holds or an open invitation gives can't go (the database refuses too). */
export async function deleteRole(tx: Tx, tenantId: string, actor: TeamActor, roleId: string): Promise<void> {
  const role = await tx.tenantRole.findUnique({ where: { id: roleId }, include: { _count: { select: { memberships: true } } } });
  if (!role) throw new AppError("NOT_FOUND", "No such role");
  assertActorCovers(actor, memberPermissions("custom", role.permissions));
  if (role._count.memberships > 0) throw new AppError("ROLE_IN_USE", "Members still hold this role", { members: role._count.memberships });
  // Invitations still open keep the role; used, withdrawn or expired ones are history (the audit log has it).
  const now = new Date();
  const open = { roleId: role.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  if ((await tx.memberInvite.count({ where: open })) > 0) throw new AppError("ROLE_IN_USE", "Open invitations give this role");
  await tx.memberInvite.deleteMany({ where: { roleId: role.id, NOT: open } });
  await tx.tenantRole.delete({ where: { id: role.id } }).catch((error: unknown) => {
    // A member given the role since the count: the foreign key keeps it.
    if (isForeignKeyViolation(error)) throw new AppError("ROLE_IN_USE", "Members still hold this role");
    throw error;
  });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, { action: "role.deleted", entity: "role", entityId: role.id, data: { name: role.name, permissions: role.permissions } });
}

import type { Tx } from "@primestore/db";
import { recordAudit } from "../audit/index.ts";
import { memberPermissions } from "../auth/index.ts";
import { AppError, isForeignKeyViolation } from "../errors/index.ts";
import { assertActorCovers, type TeamActor } from "./team-actor.ts";

/** Deletes one of the store's roles; one a member still holds can't go (the database refuses too). */
export async function deleteRole(tx: Tx, tenantId: string, actor: TeamActor, roleId: string): Promise<void> {
  const role = await tx.tenantRole.findUnique({ where: { id: roleId }, include: { _count: { select: { memberships: true } } } });
  if (!role) throw new AppError("NOT_FOUND", "No such role");
  assertActorCovers(actor, memberPermissions("custom", role.permissions));
  if (role._count.memberships > 0) throw new AppError("ROLE_IN_USE", "Members still hold this role", { members: role._count.memberships });
  await tx.tenantRole.delete({ where: { id: role.id } }).catch((error: unknown) => {
    // A member given the role since the count: the foreign key keeps it.
    if (isForeignKeyViolation(error)) throw new AppError("ROLE_IN_USE", "Members still hold this role");
    throw error;
  });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, { action: "role.deleted", entity: "role", entityId: role.id, data: { name: role.name, permissions: role.permissions } });
}

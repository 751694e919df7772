import type { Tx } from "@primestore/db";
import { memberPermissions, withImplied } from "../auth/index.ts";
import { recordAudit } from "../audit/index.ts";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import type { RoleInput } from "./role-input.ts";
import { assertActorCovers, type TeamActor } from "./team-actor.ts";

/**
 * Creates or edits one of the store's roles. It is stored with what its permissions imply, so the
 * editor shows exactly what members holding it can do; an edit reaches them on their next request.
 */
export async function saveRole(tx: Tx, tenantId: string, actor: TeamActor, input: RoleInput): Promise<{ id: string }> {
  const permissions = withImplied(input.permissions);
  const current = input.id ? await tx.tenantRole.findUnique({ where: { id: input.id } }) : null;
  if (input.id && !current) throw new AppError("NOT_FOUND", "No such role");
  assertActorCovers(actor, [...permissions, ...memberPermissions("custom", current?.permissions)]);
  const saved = await (current
    ? tx.tenantRole.update({ where: { id: current.id }, data: { name: input.name, permissions } })
    : tx.tenantRole.create({ data: { tenantId, name: input.name, permissions } })
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("ROLE_NAME_TAKEN", "The store has a role of that name");
    throw error;
  });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, {
    action: current ? "role.updated" : "role.created",
    entity: "role",
    entityId: saved.id,
    data: { name: saved.name, permissions, ...(current ? { before: { name: current.name, permissions: current.permissions } } : {}) },
  });
  return { id: saved.id };
}

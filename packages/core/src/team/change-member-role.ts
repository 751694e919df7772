import type { Tx } from "@primestore/db";
import { memberPermissions } from "../auth/index.ts";
import { recordAudit } from "../audit/index.ts";
import { AppError } from "../errors/index.ts";
import { assertAnotherOwner } from "./last-owner.ts";
import type { MemberRoleInput } from "./member-role-input.ts";
import { memberOf } from "./member-row.ts";
import { assertActorCovers, type TeamActor } from "./team-actor.ts";

/** Gives a member another role, within what the actor may grant; the store keeps an owner. */
export async function changeMemberRole(tx: Tx, tenantId: string, actor: TeamActor, memberId: string, target: MemberRoleInput): Promise<void> {
  const member = await memberOf(tx, memberId);
  if (member.userId === actor.userId) throw new AppError("FORBIDDEN", "A member can't change their own role");
  const customRole = target.role === "custom" ? await tx.tenantRole.findUnique({ where: { id: target.roleId } }) : null;
  if (target.role === "custom" && !customRole) throw new AppError("NOT_FOUND", "No such role");
  const granted = memberPermissions(target.role, customRole?.permissions);
  const touchesOwner = member.role === "owner" || target.role === "owner";
  // Both what the member loses and what they gain must be the actor's to give.
  assertActorCovers(actor, [...member.permissions, ...granted], touchesOwner);
  if (member.role === "owner" && target.role !== "owner") await assertAnotherOwner(tx, tenantId, member.id);

  await tx.membership.update({ where: { id: member.id }, data: { role: target.role, roleId: customRole?.id ?? null } });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, {
    action: "member.role_changed",
    entity: "member",
    entityId: member.id,
    data: { email: member.user.email, from: member.customRole?.name ?? member.role, to: customRole?.name ?? target.role },
  });
}

import type { Tx } from "@primestore/db";
import { recordAudit } from "../audit/index.ts";
import { assertAnotherOwner } from "./last-owner.ts";
import { memberOf } from "./member-row.ts";
import { assertActorCovers, type TeamActor } from "./team-actor.ts";

/**
 * Takes a member off the store's team (their account stays, with their other stores); the store
 * keeps an owner. Their next request no longer finds the store.
 */
export async function removeMember(tx: Tx, tenantId: string, actor: TeamActor, memberId: string): Promise<void> {
  const member = await memberOf(tx, memberId);
  assertActorCovers(actor, member.permissions, member.role === "owner");
  if (member.role === "owner") await assertAnotherOwner(tx, tenantId, member.id);
  await tx.membership.delete({ where: { id: member.id } });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, {
    action: "member.removed",
    entity: "member",
    entityId: member.id,
    data: { email: member.user.email, role: member.customRole?.name ?? member.role },
  });
}

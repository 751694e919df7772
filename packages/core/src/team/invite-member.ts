import type { Tx } from "@primestore/db";
import { memberPermissions } from "../auth/index.ts";
import { recordAudit } from "../audit/index.ts";
import { AppError } from "../errors/index.ts";
import { recordEvent } from "../outbox/index.ts";
import { inviteInput, type InviteInput } from "./invite-input.ts";
import { assertActorCovers, type TeamActor } from "./team-actor.ts";

export const MEMBER_INVITED = "member.invited";
/** Long enough for someone away for the weekend; the inviter can always send a fresh one. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;

/**
 * Invites someone to the store's team with a role the actor may give. Inviting the same email
 * again renews the invitation (new role, new expiry; the old link dies when the new one is sent).
 * The worker mints the link and emails it (outbox event), so no table or job holds a usable link.
 * `portalUrl` is this platform's configured portal address, where the link leads.
 */
export async function inviteMember(tx: Tx, tenantId: string, actor: TeamActor, raw: InviteInput, portalUrl: string): Promise<{ id: string }> {
  const input = inviteInput.parse(raw);
  const customRole = input.role.role === "custom" ? await tx.tenantRole.findUnique({ where: { id: input.role.roleId } }) : null;
  if (input.role.role === "custom" && !customRole) throw new AppError("NOT_FOUND", "No such role");
  assertActorCovers(actor, memberPermissions(input.role.role, customRole?.permissions), input.role.role === "owner");
  if (await tx.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } })) throw new AppError("ALREADY_MEMBER");

  const fields = {
    role: input.role.role,
    roleId: customRole?.id ?? null,
    invitedBy: actor.userId,
    tokenHash: null,
    expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    acceptedAt: null,
    revokedAt: null,
  };
  const invite = await tx.memberInvite.upsert({
    where: { tenantId_email: { tenantId, email: input.email } },
    create: { tenantId, email: input.email, ...fields },
    update: fields,
  });
  await recordEvent(tx, tenantId, MEMBER_INVITED, { inviteId: invite.id, locale: input.locale, origin: portalUrl });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, {
    action: "member.invited",
    entity: "invite",
    entityId: invite.id,
    data: { email: input.email, role: customRole?.name ?? input.role.role },
  });
  return { id: invite.id };
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvite(tx: Tx, tenantId: string, actor: TeamActor, inviteId: string): Promise<void> {
  const invite = await tx.memberInvite.findUnique({ where: { id: inviteId }, include: { customRole: true } });
  if (!invite || invite.acceptedAt || invite.revokedAt) throw new AppError("NOT_FOUND", "No such pending invite");
  assertActorCovers(actor, memberPermissions(invite.role, invite.customRole?.permissions), invite.role === "owner");
  await tx.memberInvite.update({ where: { id: invite.id }, data: { revokedAt: new Date(), tokenHash: null } });
  await recordAudit(tx, tenantId, { type: "user", id: actor.userId }, { action: "invite.revoked", entity: "invite", entityId: invite.id, data: { email: invite.email } });
}

import { withTenant, type Db, type Tx } from "@primestore/db";
import { newPassword } from "../account/schemas.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { hashToken } from "../auth/tokens.ts";
import { recordAudit } from "../audit/index.ts";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { acceptInviteInput, type AcceptInviteInput } from "./invite-input.ts";

/** A pending invitation by its link's token, under the store's row-level security: another store's link finds nothing. */
async function pendingInvite(tx: Tx, token: string) {
  const invite = await tx.memberInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { tenant: { select: { name: true } }, customRole: { select: { name: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) throw new AppError("INVITE_INVALID");
  return invite;
}

/** What the invitation page shows before anyone accepts: the store, the role, and whether the email has an account already. */
export async function describeInvite(db: Db, tenantId: string, token: string) {
  const invite = await withTenant(db, tenantId, (tx) => pendingInvite(tx, token));
  const account = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  return { storeName: invite.tenant.name, email: invite.email, role: invite.role, roleName: invite.customRole?.name ?? null, hasAccount: account !== null };
}

/**
 * Joins the store with the invitation's role. Someone with an account proves it's theirs with its
 * password; someone new names themselves and chooses one, and the account is created with the
 * membership (the link proved the mailbox). Single use: of two submits, one joins.
 */
export async function acceptInvite(db: Db, tenantId: string, raw: AcceptInviteInput): Promise<{ email: string }> {
  const input = acceptInviteInput.parse(raw);
  const email = (await withTenant(db, tenantId, (tx) => pendingInvite(tx, input.token))).email;
  const user = await db.user.findUnique({ where: { email } });
  if (user && !(await verifyPassword(user.passwordHash, input.password))) throw new AppError("INVALID_CREDENTIALS");
  if (!user && !input.name) throw new AppError("VALIDATION", "A name is needed for a new account");
  const passwordHash = user ? null : await hashPassword(newPassword.parse(input.password));

  return withTenant(db, tenantId, async (tx) => {
    const invite = await pendingInvite(tx, input.token);
    const claimed = await tx.memberInvite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date(), tokenHash: null } });
    if (claimed.count !== 1) throw new AppError("INVITE_INVALID");
    const member = user ?? (await tx.user.create({ data: { email, name: input.name!, passwordHash: passwordHash!, ...(input.locale ? { locale: input.locale } : {}) } }));
    const membership = await tx.membership
      .create({ data: { tenantId, userId: member.id, role: invite.role, roleId: invite.roleId } })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError("ALREADY_MEMBER");
        throw error;
      });
    await recordAudit(tx, tenantId, { type: "user", id: member.id }, {
      action: "member.joined",
      entity: "member",
      entityId: membership.id,
      data: { email, role: invite.customRole?.name ?? invite.role, newAccount: !user },
    });
    return { email };
  });
}

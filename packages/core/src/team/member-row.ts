import type { Tx } from "@primestore/db";
import { memberPermissions } from "../auth/index.ts";
import { AppError } from "../errors/index.ts";

/** A member of the store in scope, with what their role grants; another store's id finds nothing. */
export async function memberOf(tx: Tx, memberId: string) {
  const member = await tx.membership.findUnique({ where: { id: memberId }, include: { customRole: true, user: { select: { email: true, name: true } } } });
  if (!member) throw new AppError("NOT_FOUND", "No such member");
  return { ...member, permissions: memberPermissions(member.role, member.customRole?.permissions) };
}

import type { MemberRole } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import type { SellerPermission } from "../auth/index.ts";

/** The member acting on the team: who they are and what their role lets them do. */
export interface TeamActor {
  userId: string;
  role: MemberRole;
  permissions: readonly SellerPermission[];
}

/**
 * No one hands out more than they hold: a member who manages the team may give, take or edit only
 * permissions their own role has, so a limited team admin can't make someone (or themselves, through
 * another) more powerful than they are. The owner role, which also owns the team, only owners touch.
 */
export function assertActorCovers(actor: TeamActor, permissions: readonly SellerPermission[], touchesOwner = false): void {
  if (touchesOwner && actor.role !== "owner") throw new AppError("FORBIDDEN", "Only an owner grants or takes away the owner role");
  const missing = permissions.filter((permission) => !actor.permissions.includes(permission));
  if (missing.length) throw new AppError("FORBIDDEN", `The acting role lacks ${missing.join(", ")}`);
}

import type { MemberRole } from "@primestore/db";
import type { SellerPermission } from "../auth/index.ts";
import { AppError } from "../errors/index.ts";

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
export function actorCovers(actor: TeamActor, permissions: readonly SellerPermission[], touchesOwner = false): boolean {
  if (!actor.permissions.includes("team:write") || (touchesOwner && actor.role !== "owner")) return false;
  return permissions.every((permission) => actor.permissions.includes(permission));
}

export function assertActorCovers(actor: TeamActor, permissions: readonly SellerPermission[], touchesOwner = false): void {
  if (actorCovers(actor, permissions, touchesOwner)) return;
  const missing = permissions.filter((permission) => !actor.permissions.includes(permission));
  throw new AppError("FORBIDDEN", missing.length ? `The acting role lacks ${missing.join(", ")}` : "Only an owner grants or takes away the owner role");
}

import type { MemberRole, StaffRole } from "@primestore/db";
import { z } from "zod";

/** What a tenant member may do: a built-in role grants a fixed set, a store's custom role the set it chose. */
export const sellerPermissions = [
  "catalog:read",
  "catalog:write",
  "inventory:read",
  "inventory:write",
  "orders:read",
  /** Fulfil and cancel. */
  "orders:write",
  "refunds:write",
  /** Balances, payouts and their statements. */
  "payouts:read",
  "payouts:write",
  /** Store settings, payment methods and provider connections. */
  "settings:read",
  "settings:write",
  /** Members, invites, roles and the audit log. */
  "team:read",
  "team:write",
] as const;
export type SellerPermission = (typeof sellerPermissions)[number];
export const sellerPermission = z.enum(sellerPermissions);

/** A write needs its read: a role that may refund can see orders, one that may pay out can see balances. */
const implied: Partial<Record<SellerPermission, readonly SellerPermission[]>> = {
  "catalog:write": ["catalog:read"],
  "inventory:write": ["inventory:read", "catalog:read"],
  "inventory:read": ["catalog:read"],
  "orders:write": ["orders:read"],
  "refunds:write": ["orders:read"],
  "payouts:write": ["payouts:read"],
  "settings:write": ["settings:read"],
  "team:write": ["team:read"],
};

/** The permissions and every permission they imply, in the canonical order. */
export function withImplied(permissions: Iterable<SellerPermission>): SellerPermission[] {
  const granted = new Set<SellerPermission>();
  const add = (permission: SellerPermission) => {
    if (granted.has(permission)) return;
    granted.add(permission);
    for (const also of implied[permission] ?? []) add(also);
  };
  for (const permission of permissions) add(permission);
  return sellerPermissions.filter((permission) => granted.has(permission));
}

type BuiltInRole = Exclude<MemberRole, "custom">;

const builtInGrants: Record<BuiltInRole, readonly SellerPermission[]> = {
  owner: sellerPermissions,
  // Runs the store; only owners change who is on the team.
  manager: sellerPermissions.filter((permission) => permission !== "team:write"),
  // The day's work: catalog, stock and orders; no money out, settings or team.
  staff: withImplied(["catalog:write", "inventory:write", "orders:write"]),
};

/** A member's permissions: the built-in role's, or (custom) the store role's, with what they imply. */
export function memberPermissions(role: MemberRole, customPermissions: readonly string[] | null | undefined): SellerPermission[] {
  if (role !== "custom") return [...builtInGrants[role]];
  return withImplied((customPermissions ?? []).filter((permission): permission is SellerPermission => sellerPermission.safeParse(permission).success));
}

export const staffPermissions = ["tenants:read", "tenants:write", "analytics:read", "finance:read"] as const;
export type StaffPermission = (typeof staffPermissions)[number];

const staffGrants: Record<StaffRole, readonly StaffPermission[]> = {
  admin: staffPermissions,
  support: ["tenants:read"],
  analyst: ["tenants:read", "analytics:read", "finance:read"],
};

export function staffRoleGrants(role: StaffRole, permission: StaffPermission): boolean {
  return staffGrants[role].includes(permission);
}

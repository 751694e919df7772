import type { MemberRole, StaffRole } from "@primestore/db";

/** What a tenant member may do; roles grant sets of these. */
export const sellerPermissions = [
  "catalog:read",
  "catalog:write",
  "orders:read",
  "orders:write",
  "settings:write",
  "team:write",
  /** Balances, payouts and statements. */
  "payments:read",
  /** Refunds, payouts on request, payment providers. */
  "payments:write",
] as const;
export type SellerPermission = (typeof sellerPermissions)[number];

const sellerGrants: Record<MemberRole, readonly SellerPermission[]> = {
  owner: sellerPermissions,
  admin: ["catalog:read", "catalog:write", "orders:read", "orders:write", "settings:write", "payments:read", "payments:write"],
  staff: ["catalog:read", "catalog:write", "orders:read", "orders:write"],
  viewer: ["catalog:read", "orders:read"],
};

export function roleGrants(role: MemberRole, permission: SellerPermission): boolean {
  return sellerGrants[role].includes(permission);
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

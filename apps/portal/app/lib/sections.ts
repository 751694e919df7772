import type { SellerPermission } from "@primestore/api";

/** The store's sections in the portal, each shown to members whose role grants its permission. */
export const storeSections: ReadonlyArray<{ path: string; permission: SellerPermission; label: string }> = [
  { path: "products", permission: "catalog:read", label: "portal.products" },
  { path: "orders", permission: "orders:read", label: "portal.orders" },
  { path: "finance", permission: "payouts:read", label: "portal.financeNav" },
  { path: "settings/store", permission: "settings:read", label: "portal.storeSettings.nav" },
  { path: "settings/shipping", permission: "settings:read", label: "portal.shipping.nav" },
  { path: "settings/payments", permission: "settings:read", label: "portal.paymentSettingsNav" },
  { path: "team", permission: "team:read", label: "portal.team.nav" },
  { path: "audit", permission: "team:read", label: "portal.audit.nav" },
];

/** Where a member lands in a store: the first section they may see. */
export function firstSection(permissions: readonly SellerPermission[]): string | null {
  return storeSections.find((section) => permissions.includes(section.permission))?.path ?? null;
}

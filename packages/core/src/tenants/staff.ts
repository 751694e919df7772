import type { Db } from "@primestore/db";

/** Cross-tenant: takes the BYPASSRLS client, which only staff procedures and schedulers hold. */
export async function listTenantsForStaff(adminDb: Db) {
  const tenants = await adminDb.tenant.findMany({
    orderBy: { createdAt: "asc" },
    include: { domains: { select: { host: true } }, _count: { select: { products: true, orders: true } } },
  });
  return tenants.map((tenant) => ({
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    status: tenant.status,
    hosts: tenant.domains.map((domain) => domain.host),
    locales: tenant.locales,
    currencies: tenant.currencies,
    productCount: tenant._count.products,
    orderCount: tenant._count.orders,
  }));
}

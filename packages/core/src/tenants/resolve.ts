import type { Db, TenantModel } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { TtlCache } from "./ttl-cache.ts";

export interface TenantInfo {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
  defaultLocale: string;
  locales: string[];
  defaultCurrency: string;
  currencies: string[];
  branding: { logoUrl?: string; primaryColor?: string; accentColor?: string };
}

/** Lower-case, without port or trailing dot: `Aurora.LocalHost:3000.` -> `aurora.localhost`. */
export function normalizeHost(raw: string | null | undefined): string {
  return (raw ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

export interface TenantResolver {
  /** The tenant serving this host, or null; cached (misses too, so junk hosts don't reach the database). */
  byHost(host: string): Promise<TenantInfo | null>;
  /** A suspended or unknown store is an error here: storefront requests must stop. */
  requireActiveByHost(host: string): Promise<TenantInfo>;
  bySlug(slug: string): Promise<TenantInfo | null>;
  invalidate(host?: string): void;
}

export function createTenantResolver(db: Db, options: { ttlMs?: number; maxEntries?: number } = {}): TenantResolver {
  const cache = new TtlCache<TenantInfo | null>(options.ttlMs ?? 30_000, options.maxEntries ?? 10_000);

  const bySlugCache = new TtlCache<TenantInfo | null>(options.ttlMs ?? 30_000, options.maxEntries ?? 10_000);

  async function load(host: string): Promise<TenantInfo | null> {
    // tenant_domains is readable by host without a tenant scope (public mapping, see migration).
    const domain = await db.tenantDomain.findUnique({ where: { host }, include: { tenant: true } });
    return domain ? toInfo(domain.tenant) : null;
  }

  function toInfo(tenant: TenantModel): TenantInfo {
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      defaultLocale: tenant.defaultLocale,
      locales: tenant.locales,
      defaultCurrency: tenant.defaultCurrency,
      currencies: tenant.currencies,
      branding: (tenant.branding ?? {}) as TenantInfo["branding"],
    };
  }

  const resolver: TenantResolver = {
    async byHost(rawHost) {
      const host = normalizeHost(rawHost);
      if (!host) return null;
      return cache.getOrLoad(host, () => load(host));
    },
    async bySlug(slug) {
      return bySlugCache.getOrLoad(slug, async () => {
        const tenant = await db.tenant.findUnique({ where: { slug } });
        return tenant ? toInfo(tenant) : null;
      });
    },
    async requireActiveByHost(rawHost) {
      const tenant = await resolver.byHost(rawHost);
      if (!tenant) throw new AppError("TENANT_NOT_FOUND", `No store at ${normalizeHost(rawHost)}`);
      if (tenant.status !== "active") throw new AppError("TENANT_SUSPENDED", `Store ${tenant.slug} is suspended`);
      return tenant;
    },
    invalidate(host) {
      if (host) cache.delete(normalizeHost(host));
      else cache.clear();
      bySlugCache.clear();
    },
  };
  return resolver;
}

import type { Db, TenantModel } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { createMemoryCache, type Cache } from "../cache/index.ts";
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
  /** After a tenant or its domains change (staff console): every process sees it at once with Redis. */
  invalidate(tenant: { slug: string; hosts: string[] }): Promise<void>;
}

export interface TenantResolverOptions {
  /** Shared across processes when it is Redis; misses are cached too, so junk hosts stay cheap. */
  cache?: Cache;
  ttlMs?: number;
}

/**
 * Host and slug lookups go through the shared cache, fronted by a single-flight in-process
 * layer so a burst of requests for one cold host costs one query.
 */
export function createTenantResolver(db: Db, options: TenantResolverOptions = {}): TenantResolver {
  const ttlMs = options.ttlMs ?? 30_000;
  const shared = options.cache ?? createMemoryCache();
  const local = new TtlCache<TenantInfo | null>(Math.min(ttlMs, 5_000), 10_000);

  function cached(key: string, load: () => Promise<TenantInfo | null>): Promise<TenantInfo | null> {
    return local.getOrLoad(key, async () => {
      const hit = await shared.get<{ tenant: TenantInfo | null }>(key);
      if (hit) return hit.tenant;
      const tenant = await load();
      await shared.set(key, { tenant }, ttlMs);
      return tenant;
    });
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
      return cached(`tenant:host:${host}`, async () => {
        // tenant_domains is readable by host without a tenant scope (public mapping, see migration).
        const domain = await db.tenantDomain.findUnique({ where: { host }, include: { tenant: true } });
        return domain ? toInfo(domain.tenant) : null;
      });
    },
    async bySlug(slug) {
      return cached(`tenant:slug:${slug}`, async () => {
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
    async invalidate(tenant) {
      local.clear();
      await Promise.all([
        shared.delete(`tenant:slug:${tenant.slug}`),
        ...tenant.hosts.map((host) => shared.delete(`tenant:host:${normalizeHost(host)}`)),
      ]);
    },
  };
  return resolver;
}

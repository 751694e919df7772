import { createHash } from "node:crypto";
import type { Cache } from "../cache/index.ts";

const ENTRY_TTL_MS = 60_000;
const VERSION_TTL_MS = 7 * 24 * 3600_000;

/**
 * Catalog reads are cached per tenant under a version number; a seller's change bumps the
 * version, so every process (with Redis) stops serving the old entries at once and they expire.
 */
async function catalogVersion(cache: Cache, tenantId: string): Promise<string> {
  const key = `catalog:version:${tenantId}`;
  const existing = await cache.get<string>(key);
  if (existing) return existing;
  const version = Date.now().toString(36);
  await cache.set(key, version, VERSION_TTL_MS);
  return version;
}

/** Loads in progress in this process, by cache key. */
const loading = new Map<string, Promise<unknown>>();

export async function cachedCatalogRead<T>(cache: Cache, tenantId: string, query: string, input: unknown, load: () => Promise<T>): Promise<T> {
  const digest = createHash("sha256").update(JSON.stringify(input)).digest("base64url").slice(0, 22);
  const key = `catalog:${tenantId}:${await catalogVersion(cache, tenantId)}:${query}:${digest}`;
  const hit = await cache.get<{ value: T }>(key);
  if (hit) return hit.value;
  // One load per key at a time: when an entry expires under load, the requests that miss it
  // together wait for one query instead of each sending the same one.
  const pending = loading.get(key);
  if (pending) return pending as Promise<T>;
  const value = load().then(async (loaded) => {
    await cache.set(key, { value: loaded }, ENTRY_TTL_MS, { admit: "frequent" });
    return loaded;
  });
  loading.set(key, value);
  try {
    return await value;
  } finally {
    loading.delete(key);
  }
}

export async function invalidateCatalog(cache: Cache, tenantId: string): Promise<void> {
  // A fresh version rather than a delete: a concurrent reader can't re-populate the old one.
  await cache.set(`catalog:version:${tenantId}`, `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, VERSION_TTL_MS);
}

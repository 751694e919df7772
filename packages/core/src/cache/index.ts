import { Redis } from "ioredis";

/**
 * A shared cache: Redis when configured (every process sees one copy, invalidation is global),
 * process memory otherwise (the zero-config default). Values are JSON.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Adds one to a counter and returns the new count, atomically (parallel callers get distinct
   * counts); the counter disappears `windowMs` after its first increment. For rate limits.
   */
  increment(key: string, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

export function createMemoryCache(maxEntries = 10_000): Cache {
  const entries = new Map<string, { json: string; expiresAt: number }>();
  return {
    async get<T>(key: string) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= Date.now()) return undefined;
      return JSON.parse(entry.json) as T;
    },
    async set(key, value, ttlMs) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { json: JSON.stringify(value), expiresAt: Date.now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
    async increment(key, windowMs) {
      // No await between the read and the write: one process's increments can't interleave.
      const entry = entries.get(key);
      const live = entry && entry.expiresAt > Date.now() ? entry : null;
      const count = (live ? (JSON.parse(live.json) as number) : 0) + 1;
      entries.set(key, { json: JSON.stringify(count), expiresAt: live?.expiresAt ?? Date.now() + windowMs });
      return count;
    },
    async close() {
      entries.clear();
    },
  };
}

const INCREMENT_IN_WINDOW = `
  local count = redis.call('INCR', KEYS[1])
  if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  return count`;

export function createRedisCache(url: string, prefix = "primestore:cache:"): Cache {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  // A cache outage must degrade to the database, not crash the process.
  redis.on("error", () => {});
  return {
    async get<T>(key: string) {
      const json = await redis.get(prefix + key).catch(() => null);
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    async set(key, value, ttlMs) {
      await redis.set(prefix + key, JSON.stringify(value), "PX", ttlMs).catch(() => undefined);
    },
    async delete(key) {
      await redis.del(prefix + key).catch(() => undefined);
    },
    async increment(key, windowMs) {
      // One script, so the counter can't be left without its expiry by a crash in between.
      const count = await redis.eval(INCREMENT_IN_WINDOW, 1, prefix + key, windowMs);
      return Number(count);
    },
    async close() {
      redis.disconnect();
    },
  };
}

export function createCache(config: { redisUrl?: string; prefix?: string }): Cache {
  return config.redisUrl ? createRedisCache(config.redisUrl, config.prefix) : createMemoryCache();
}

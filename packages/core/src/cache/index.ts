import { Redis } from "ioredis";
import { FrequencySketch } from "./frequency-sketch.ts";

export interface SetOptions {
  /**
   * `"frequent"`: when the cache is full, keep the entry only if its key has been asked for more
   * often lately than the entry it would replace, so a crawl of a large catalog can't flush the
   * pages shoppers keep asking for. Process memory only; Redis has its own eviction policy.
   */
  admit?: "frequent";
}

/**
 * A shared cache: Redis when configured (every process sees one copy, invalidation is global),
 * process memory otherwise (the zero-config default). Values are JSON.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number, options?: SetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Adds one to a counter and returns the new count, atomically (parallel callers get distinct
   * counts); the counter disappears `windowMs` after its first increment. For rate limits.
   */
  increment(key: string, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** Least recently used entries go first; with `admit: "frequent"`, only for a more popular key. */
export function createMemoryCache(maxEntries = 10_000): Cache {
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const asked = new FrequencySketch(maxEntries);
  const live = (key: string) => {
    const entry = entries.get(key);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  };
  /** Makes room for a new key, unless `admit` asks for popularity and the key has less. */
  const makeRoom = (key: string, options?: SetOptions): boolean => {
    if (entries.has(key) || entries.size < maxEntries) return true;
    const oldest = entries.keys().next().value as string;
    if (options?.admit === "frequent" && live(oldest) && asked.frequency(key) <= asked.frequency(oldest)) return false;
    entries.delete(oldest);
    return true;
  };
  const store = (key: string, json: string, expiresAt: number) => {
    entries.delete(key);
    entries.set(key, { json, expiresAt });
  };
  return {
    async get<T>(key: string) {
      asked.increment(key);
      const entry = live(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return JSON.parse(entry.json) as T;
    },
    async set(key, value, ttlMs, options) {
      if (makeRoom(key, options)) store(key, JSON.stringify(value), Date.now() + ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
    async increment(key, windowMs) {
      // No await between the read and the write: one process's increments can't interleave.
      const entry = live(key);
      const count = (entry ? (JSON.parse(entry.json) as number) : 0) + 1;
      makeRoom(key);
      store(key, JSON.stringify(count), entry?.expiresAt ?? Date.now() + windowMs);
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

import { randomUUID } from "node:crypto";
import { createMemoryCache, createRedisCache, type Cache } from "../cache/index.ts";

/**
 * Each cache the platform runs on, for `describe.each`: memory always, Redis when the test setup
 * found one (null otherwise, for `it.skipIf`). Every Redis cache gets its own key prefix.
 */
export function cacheKinds(): Array<[string, (() => Cache) | null]> {
  const redisUrl = process.env.TEST_REDIS_URL;
  return [
    ["memory", () => createMemoryCache()],
    ["redis", redisUrl ? () => createRedisCache(redisUrl, `test:${randomUUID()}:`) : null],
  ];
}

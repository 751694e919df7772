import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMemoryCache, createRedisCache, type Cache } from "./index.ts";

const caches: Array<[string, (() => Cache) | null]> = [
  ["memory", () => createMemoryCache()],
  ["redis", process.env.TEST_REDIS_URL ? () => createRedisCache(process.env.TEST_REDIS_URL!, `test:${randomUUID()}:`) : null],
];

describe.each(caches)("rate-limit counters in %s", (_kind, makeCache) => {
  it.skipIf(!makeCache)("gives parallel increments distinct counts and starts again after the window", async () => {
    const cache = makeCache!();
    try {
      const counts = await Promise.all(Array.from({ length: 50 }, () => cache.increment("guesses", 300)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      expect(await cache.increment("other key", 300)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await cache.increment("guesses", 300)).toBe(1);
    } finally {
      await cache.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { cacheKinds } from "../testing/cache-kinds.ts";

const caches = cacheKinds();

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

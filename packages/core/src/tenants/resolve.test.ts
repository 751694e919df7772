import { describe, expect, it } from "vitest";
import { normalizeHost } from "./resolve.ts";
import { TtlCache } from "./ttl-cache.ts";

describe("normalizeHost", () => {
  it("ignores case, port and a trailing dot", () => {
    expect(normalizeHost("Aurora.LocalHost:3000")).toBe("aurora.localhost");
    expect(normalizeHost("shop.example.com.")).toBe("shop.example.com");
    expect(normalizeHost(null)).toBe("");
  });
});

describe("TtlCache", () => {
  it("loads once for a burst of callers and caches misses too", async () => {
    const cache = new TtlCache<string | null>(60_000, 10);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return null;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad("ghost.localhost", load)));
    expect(results.every((r) => r === null)).toBe(true);
    await cache.getOrLoad("ghost.localhost", load);
    expect(loads).toBe(1);
  });

  it("expires entries and evicts the oldest beyond its size", async () => {
    const cache = new TtlCache<number>(0, 2);
    let n = 0;
    await cache.getOrLoad("a", async () => ++n);
    expect(await cache.getOrLoad("a", async () => ++n)).toBe(2);
  });
});

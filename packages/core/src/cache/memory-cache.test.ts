import { describe, expect, it } from "vitest";
import { FrequencySketch } from "./frequency-sketch.ts";
import { createMemoryCache } from "./index.ts";

describe("the in-process cache", () => {
  it("lets the least recently used entry go first", async () => {
    const cache = createMemoryCache(3);
    for (const key of ["a", "b", "c"]) await cache.set(key, key, 60_000);
    expect(await cache.get("a")).toBe("a");
    await cache.set("d", "d", 60_000);
    expect(await cache.get("b")).toBeUndefined();
    expect([await cache.get("a"), await cache.get("c"), await cache.get("d")]).toEqual(["a", "c", "d"]);
  });

  it("keeps the entries shoppers ask for while a crawl of one-off keys streams past", async () => {
    /** Share of the popular pages found in the cache while a crawler walks 2,000 others. */
    const popularHitRate = async (admit: "frequent" | undefined) => {
      const cache = createMemoryCache(100);
      const popular = Array.from({ length: 100 }, (_, i) => `product:${i}`);
      for (const key of popular) {
        for (let ask = 0; ask < 3; ask++) await cache.get(key);
        await cache.set(key, key, 60_000, { admit });
      }
      let hits = 0;
      for (let i = 0; i < 2_000; i++) {
        // Shoppers go on asking for the popular pages, and a missed one is loaded and set again.
        const wanted = popular[i % popular.length]!;
        if (await cache.get(wanted)) hits++;
        else await cache.set(wanted, wanted, 60_000, { admit });
        const crawled = `crawled:${i}`;
        if (!(await cache.get(crawled))) await cache.set(crawled, crawled, 60_000, { admit });
      }
      return hits / 2_000;
    };
    expect(await popularHitRate("frequent")).toBeGreaterThan(0.9);
    // Least recently used alone: the crawl flushes them all.
    expect(await popularHitRate(undefined)).toBeLessThan(0.1);
  });

  it("takes a key in once it is asked for more often than the entry it would replace", async () => {
    const cache = createMemoryCache(2);
    for (const key of ["a", "b"]) {
      await cache.get(key);
      await cache.set(key, key, 60_000, { admit: "frequent" });
    }
    await cache.get("rising");
    await cache.set("rising", "rising", 60_000, { admit: "frequent" });
    expect(await cache.get("rising")).toBeUndefined();
    for (let ask = 0; ask < 5; ask++) await cache.get("rising");
    await cache.set("rising", "rising", 60_000, { admit: "frequent" });
    expect(await cache.get("rising")).toBe("rising");
    expect(await cache.get("a")).toBeUndefined();
    expect(await cache.get("b")).toBe("b");
  });

  it("always stores a value set without asking for admission, and an expired entry gives way to any key", async () => {
    const cache = createMemoryCache(2);
    for (let ask = 0; ask < 5; ask++) await Promise.all([cache.get("a"), cache.get("b")]);
    await cache.set("a", "a", 60_000);
    await cache.set("b", "b", 1);
    await cache.set("version", "v1", 60_000);
    expect(await cache.get("version")).toBe("v1");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.set("new", "new", 60_000, { admit: "frequent" });
    expect(await cache.get("new")).toBe("new");
  });
});

describe("the frequency sketch", () => {
  it("never counts a key less than it was asked for, and halves every count after ten times its capacity", () => {
    const sketch = new FrequencySketch(1_000);
    for (let i = 0; i < 500; i++) for (let ask = 0; ask <= i % 7; ask++) sketch.increment(`key:${i}`);
    for (let i = 0; i < 500; i++) expect(sketch.frequency(`key:${i}`)).toBeGreaterThanOrEqual((i % 7) + 1);
    expect(sketch.frequency("never asked")).toBeLessThanOrEqual(1);

    const additions = Array.from({ length: 500 }, (_, i) => (i % 7) + 1).reduce((sum, count) => sum + count, 0);
    for (let ask = 0; ask < 40; ask++) sketch.increment("hot");
    expect(sketch.frequency("hot")).toBeGreaterThanOrEqual(40);
    for (let i = additions + 40; i < 10_000; i++) sketch.increment(`filler:${i}`);
    expect(sketch.frequency("hot")).toBeGreaterThanOrEqual(20);
    expect(sketch.frequency("hot")).toBeLessThan(30);
  });
});

import { describe, expect, it } from "vitest";
import { errorData } from "./errors.ts";
import { callerFor, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();

const storefront = (host: string) => callerFor(seeded.deps, "storefront", { host }).then((c) => c.caller);

describe("catalog.search", () => {
  it("finds the store's products by what shoppers type, as catalog summaries", async () => {
    const aurora = await storefront("aurora.localhost");
    const result = await aurora.catalog.search({ q: "organic cotton shirts", currency: "USD", locale: "en" });
    expect(result.nextCursor).toBeNull();
    expect(result.items).toEqual([
      expect.objectContaining({ slug: "camiseta-algodao-organico", title: "Organic cotton T-shirt", priceFrom: 1890, currency: "USD" }),
    ]);
  });

  it("never answers with another store's products", async () => {
    const summit = await storefront("summit.localhost");
    expect((await summit.catalog.search({ q: "camiseta", currency: "USD", locale: "en" })).items).toEqual([]);
    expect(await summit.catalog.suggest({ q: "cami", locale: "en" })).toEqual([]);
  });

  it("rejects a query it can't search with field errors", async () => {
    const aurora = await storefront("aurora.localhost");
    const error = await rejection(aurora.catalog.search({ q: " ", currency: "BRL", locale: "pt-BR" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(errorData(error)).toEqual({ appCode: "VALIDATION", fieldErrors: { q: ["Type at least 2 characters"] } });
    const tooLong = await rejection(aurora.catalog.suggest({ q: "a".repeat(101), locale: "pt-BR" }));
    expect(errorData(tooLong).fieldErrors).toEqual({ q: ["Use at most 100 characters"] });
  });
});

describe("catalog.suggest", () => {
  it("completes titles in the shopper's language, with the slug to link to", async () => {
    const aurora = await storefront("aurora.localhost");
    expect(await aurora.catalog.suggest({ q: "ves", locale: "pt-BR" })).toEqual([
      { id: expect.any(String), slug: "vestido-linho-aurora", title: "Vestido de linho Aurora" },
    ]);
    expect((await aurora.catalog.suggest({ q: "aurora lin", locale: "en" })).map((s) => s.title)).toEqual(["Aurora linen dress"]);
  });
});

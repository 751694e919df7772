import { describe, expect, it } from "vitest";
import { localizedUrl, pageMeta, plainText, unprefixedPath, type SeoContext } from "./seo.ts";

const seo: SeoContext = {
  origin: "https://aurora.example.com",
  path: "/products/bolsa",
  locale: "en",
  defaultLocale: "pt-BR",
  locales: ["pt-BR", "en"],
  storeName: "Aurora",
};

describe("seo", () => {
  it("puts the default language at the bare path and others under their prefix", () => {
    expect(localizedUrl(seo, "pt-BR", "/")).toBe("https://aurora.example.com/");
    expect(localizedUrl(seo, "en", "/")).toBe("https://aurora.example.com/en");
    expect(localizedUrl(seo, "en", "/products/bolsa")).toBe("https://aurora.example.com/en/products/bolsa");
    expect(unprefixedPath("/en/products/bolsa", "en")).toBe("/products/bolsa");
    expect(unprefixedPath("/en", "en")).toBe("/");
  });

  it("gives a canonical URL, an alternate per language and x-default", () => {
    const meta = pageMeta(seo, { title: "Bolsa", description: "Linda", image: "data:image/svg+xml;base64,xx" });
    expect(meta).toContainEqual({ tagName: "link", rel: "canonical", href: "https://aurora.example.com/en/products/bolsa" });
    expect(meta).toContainEqual({ tagName: "link", rel: "alternate", hrefLang: "pt-BR", href: "https://aurora.example.com/products/bolsa" });
    expect(meta).toContainEqual({ tagName: "link", rel: "alternate", hrefLang: "x-default", href: "https://aurora.example.com/products/bolsa" });
    expect(meta).toContainEqual({ property: "og:locale", content: "en" });
    expect(meta.some((m) => "property" in m && m.property === "og:image")).toBe(false);
  });

  it("turns seller HTML into a short plain description", () => {
    expect(plainText("<p>Linho <strong>leve</strong> &amp; fresco</p>")).toBe("Linho leve & fresco");
    expect(plainText("a".repeat(200), 10)).toBe("aaaaaaaaa…");
  });
});

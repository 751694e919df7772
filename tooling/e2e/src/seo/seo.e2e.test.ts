import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium, screenshot } from "../browser.ts";
import { getWithHost } from "../http.ts";
import { startPlatform, type Platform } from "../platform.ts";

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const aurora = (path: string, headers?: Record<string, string>) => getWithHost(platform.storefrontPort, "aurora.localhost", path, headers);

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!));
}

describe("search engines and sharing", () => {
  it("gives catalog pages a canonical URL, hreflang alternates, Open Graph and CDN cache headers", async () => {
    const home = await aurora("/en", { "accept-language": "pt-BR" });
    expect(home.status).toBe(200);
    expect(home.headers["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
    expect(home.headers.vary).toContain("Accept-Language");
    const origin = `http://aurora.localhost:${platform.storefrontPort}`;
    expect(home.body).toContain(`<link rel="canonical" href="${origin}/en"/>`);
    expect(home.body).toContain(`<link rel="alternate" hrefLang="pt-BR" href="${origin}/"/>`);
    expect(home.body).toContain(`<link rel="alternate" hrefLang="es" href="${origin}/es"/>`);
    expect(home.body).toContain(`<link rel="alternate" hrefLang="x-default" href="${origin}/"/>`);
    expect(home.body).toContain(`<meta property="og:locale" content="en"/>`);
    expect(home.body).toContain("Aurora Moda online store");
  });

  it("describes a product with schema.org Product and Offer data", async () => {
    const page = await aurora("/products/camiseta-algodao-organico");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>Camiseta de algodão orgânico · Aurora Moda</title>");
    const [product] = jsonLd(page.body);
    expect(product).toMatchObject({ "@type": "Product", name: "Camiseta de algodão orgânico", brand: { name: "Aurora Moda" } });
    expect(product!.offers).toHaveLength(3);
    expect((product!.offers as Array<Record<string, unknown>>)[0]).toMatchObject({
      "@type": "Offer",
      price: "89.90",
      priceCurrency: "BRL",
      availability: "https://schema.org/InStock",
    });
  });

  it("lists every product in every language in the store's sitemap, and points robots at it", async () => {
    const sitemap = await aurora("/sitemap.xml");
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers["content-type"]).toContain("application/xml");
    const origin = `http://aurora.localhost:${platform.storefrontPort}`;
    for (const url of [`${origin}/products/bolsa-de-palha`, `${origin}/en/products/bolsa-de-palha`, `${origin}/es/products/bolsa-de-palha`]) {
      expect(sitemap.body).toContain(`<loc>${url}</loc>`);
    }
    expect(sitemap.body).not.toContain("trail-backpack");
    const robots = await aurora("/robots.txt");
    expect(robots.body).toContain(`Sitemap: ${origin}/sitemap.xml`);
    expect(robots.body).toContain("Disallow: /checkout");
    expect(robots.body).toContain("Disallow: /en/cart");
  });

  it("answers an unknown store's sitemap with 404", async () => {
    const response = await getWithHost(platform.storefrontPort, "nowhere.localhost", "/sitemap.xml");
    expect(response.status).toBe(404);
  });
});

describe("installable store (PWA)", () => {
  it("serves a manifest in the store's name and colour, with an icon", async () => {
    const manifest = await aurora("/manifest.webmanifest");
    expect(JSON.parse(manifest.body)).toMatchObject({ name: "Aurora Moda", theme_color: "#7c3aed", start_url: "/", display: "standalone" });
    const icon = await aurora("/icon.svg");
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect(icon.body).toContain('fill="#7c3aed"');
  });

  it.runIf(browserAvailable())("shows the store's offline page when the network is gone", async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: "pt-BR" });
      const page = await context.newPage();
      await page.goto(platform.storeUrl("aurora"));
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await context.setOffline(true);
      await page.goto(platform.storeUrl("aurora", "/products/bolsa-de-palha")).catch(() => null);
      await page.getByRole("heading", { name: "Você está sem conexão" }).waitFor({ timeout: 10_000 });
      await screenshot(page, "storefront-offline");
    } finally {
      await browser.close();
    }
  });
});

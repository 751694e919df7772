import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "../lib/origin.server.ts";
import { storeForResource } from "../lib/resource-store.server.ts";
import { localizedUrl } from "../lib/seo.ts";

const escapeXml = (value: string) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every page in every language the store speaks, each listing its alternates (hreflang). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, tenant } = await storeForResource(request);
  const seo = { origin: requestOrigin(request), defaultLocale: tenant.defaultLocale };
  const entries = await api.catalog.sitemap();
  const pages = [{ path: "/", lastmod: entries[0]?.updatedAt }, ...entries.map((e) => ({ path: `/products/${e.slug}`, lastmod: e.updatedAt }))];
  const urls = pages.flatMap(({ path, lastmod }) => {
    const alternates = tenant.locales
      .map((locale) => `<xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(localizedUrl(seo, locale, path))}"/>`)
      .join("");
    return tenant.locales.map(
      (locale) =>
        `<url><loc>${escapeXml(localizedUrl(seo, locale, path))}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}${alternates}</url>`,
    );
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=3600, stale-while-revalidate=86400" },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "../lib/origin.server.ts";
import { storeForResource } from "../lib/resource-store.server.ts";

/** Shopper-private pages and the API stay out of indexes; the sitemap names the rest. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { tenant } = await storeForResource(request);
  const privatePaths = ["/cart", "/checkout", "/account", "/api/"];
  const prefixes = ["", ...tenant.locales.filter((locale) => locale !== tenant.defaultLocale).map((locale) => `/${locale}`)];
  const disallow = prefixes.flatMap((prefix) => privatePaths.map((path) => `Disallow: ${prefix}${path}`));
  const body = ["User-agent: *", "Allow: /", ...disallow, "", `Sitemap: ${requestOrigin(request)}/sitemap.xml`, ""].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600, s-maxage=86400" },
  });
}

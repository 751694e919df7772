import type { LoaderFunctionArgs } from "@remix-run/node";
import { storeForResource } from "../lib/resource-store.server.ts";
import { brandColor } from "../lib/brand.ts";

/** Each store installs as its own app: its name, colour and icon. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { tenant } = await storeForResource(request);
  const manifest = {
    name: tenant.name,
    short_name: tenant.name.length > 12 ? tenant.name.split(" ")[0] : tenant.name,
    lang: tenant.defaultLocale,
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: brandColor(tenant.branding.primaryColor),
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any maskable" }],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}

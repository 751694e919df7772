import type { LoaderFunctionArgs } from "@remix-run/node";
import { storeForResource } from "../lib/resource-store.server.ts";
import { brandColor } from "../lib/brand.ts";

/** Until a store uploads a logo: its initial on its colour, crisp at every home-screen size. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { tenant } = await storeForResource(request);
  const initial = (tenant.name.trim()[0] ?? "P").toUpperCase().replace(/[<>&'"]/g, "");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${brandColor(tenant.branding.primaryColor)}"/><text x="256" y="340" font-family="system-ui, sans-serif" font-size="280" font-weight="700" text-anchor="middle" fill="#ffffff">${initial}</text></svg>`;
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
}

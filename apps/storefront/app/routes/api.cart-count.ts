import type { LoaderFunctionArgs } from "@remix-run/node";
import { PRIVATE_NO_STORE } from "../lib/cache-headers.ts";
import { storeForResource } from "../lib/resource-store.server.ts";

/**
 * The header's cart count, fetched by the page rather than rendered into it: catalog pages stay
 * the same for every shopper (a CDN may share them), and only this answer is one shopper's.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await storeForResource(request);
  const { itemCount } = await api.cart.count();
  return Response.json({ itemCount }, { headers: { "Cache-Control": PRIVATE_NO_STORE } });
}

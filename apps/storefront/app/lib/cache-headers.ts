import type { HeadersFunction } from "@remix-run/node";

/**
 * Catalog pages are the same for everyone with the same language and currency: a CDN may keep
 * them a minute and serve a stale copy while it refreshes. Language and currency can come from
 * cookies and Accept-Language, hence the Vary.
 */
export const publicCatalogHeaders: HeadersFunction = () => ({
  "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=600",
  Vary: "Accept-Language, Cookie",
});

/** Carts, checkout and accounts are one shopper's: never stored by a browser cache or a CDN. */
export const PRIVATE_NO_STORE = "private, no-store";

/** For routes whose pages and data are one shopper's (cart, checkout). */
export const privateNoStoreHeaders: HeadersFunction = () => ({ "Cache-Control": PRIVATE_NO_STORE });

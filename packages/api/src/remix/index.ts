// Server-side helpers the Remix apps share. Plain Request/Response, nothing from Remix itself.
export { apiFailure, type ApiFailure } from "./api-failure.ts";
export { CURRENCY_COOKIE, LANG_COOKIE, preferenceCookie, readPreference } from "./preference-cookies.ts";
export { readinessResponse } from "./readiness-response.ts";
export { safeRedirect } from "./safe-redirect.ts";
/** What storefront listing URLs may ask for (sorts, pages), as the catalog procedures accept it. */
export { LISTING_MAX_PAGE, listingSorts, type ListingSort } from "@primestore/core/catalog";

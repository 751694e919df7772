import type { LoaderFunctionArgs } from "@remix-run/node";
import { listingSorts } from "@primestore/api/remix";
import { throwAsResponse } from "./api-errors.server.ts";
import { parseListingParams } from "./listing-params.server.ts";
import { loadStorefront } from "./storefront.server.ts";

/**
 * What every listing page (all products, a category, a collection) loads: the storefront, one page
 * of products for the URL's filters, and the filters as the form should show them again.
 */
export async function loadListing(request: Request, params: LoaderFunctionArgs["params"], scope: { category?: string; collection?: string }) {
  const storefront = await loadStorefront(request, params);
  const { api, locale, currency, tenant } = storefront;
  const url = new URL(request.url);
  const { ignored, ...filters } = parseListingParams(url.searchParams, currency);
  // A scope slug that can't exist names no page: 404, like an unknown one.
  const listing = await api.catalog
    .listing({ currency, locale, ...scope, ...filters })
    .catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  return {
    api,
    page: {
      listing,
      filters: { ...filters, min: url.searchParams.get("min") ?? "", max: url.searchParams.get("max") ?? "" },
      ignoredFilters: ignored,
      sorts: listingSorts,
      currency,
      locale,
      storeName: tenant.name,
    },
  };
}

export type ListingPageData = Awaited<ReturnType<typeof loadListing>>["page"];

import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ListingPageData } from "../lib/listing.server.ts";
import { pageHref } from "../lib/page-href.ts";
import { ListingFilters } from "./listing-filters.tsx";
import { ListingSort } from "./listing-sort.tsx";
import { Pagination } from "./pagination.tsx";
import { ProductGrid } from "./product-grid.tsx";

/** A listing page's body: filters beside sorted, numbered pages of products. */
export function CatalogListing({ data }: { data: ListingPageData }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { listing, locale } = data;
  return (
    <div className="listing">
      <ListingFilters data={data} />
      <div className="listing-results">
        {data.ignoredFilters ? <p className="notice">{t("catalog.invalidFilters")}</p> : null}
        <ListingSort data={data} />
        {listing.items.length ? (
          <ProductGrid products={listing.items} locale={locale} />
        ) : listing.page > 1 ? (
          <p>
            {t("catalog.emptyPage")} <Link to={pageHref(pathname, search, 1)}>{t("catalog.firstPage")}</Link>
          </p>
        ) : (
          <p>{t("catalog.noMatches")}</p>
        )}
        <Pagination page={listing.page} pageCount={listing.pageCount} />
        {listing.morePages && listing.page === listing.pageCount ? <p className="notice">{t("catalog.narrowDown")}</p> : null}
      </div>
    </div>
  );
}

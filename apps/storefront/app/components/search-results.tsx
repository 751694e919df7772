import { useTRPC } from "@primestore/ui/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ProductGrid, type GridProduct } from "./product-grid.tsx";

export const SEARCH_PAGE_SIZE = 24;

export interface SearchResultsProps {
  q: string;
  /** Rendered by the loader: results work without JavaScript; the browser fetches further pages. */
  firstPage: { items: GridProduct[]; nextCursor: number | null };
  currency: string;
  locale: string;
}

/** Ranked search results; their cursor is an offset into the ranking. */
export function SearchResults({ q, firstPage, currency, locale }: SearchResultsProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.catalog.search.infiniteQueryOptions(
      { q, currency, locale, limit: SEARCH_PAGE_SIZE },
      {
        initialData: { pages: [firstPage], pageParams: [null] },
        getNextPageParam: (page) => page.nextCursor,
      },
    ),
  );
  const products = query.data.pages.flatMap((page) => page.items);
  if (!products.length) return <p>{t("search.noResults", { query: q })}</p>;
  return <ProductGrid products={products} locale={locale} pages={query} />;
}

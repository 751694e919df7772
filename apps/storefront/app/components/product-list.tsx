import { useTRPC } from "@primestore/ui/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ProductGrid, type GridProduct } from "./product-grid.tsx";

export const PRODUCTS_PAGE_SIZE = 12;

export interface ProductListProps {
  /** Rendered by the loader, so the list works (and is indexable) before any JavaScript runs. */
  firstPage: { items: GridProduct[]; nextCursor: string | null };
  currency: string;
  locale: string;
}

/** The catalog, with further pages fetched in the browser through tRPC (keyset cursor). */
export function ProductList({ firstPage, currency, locale }: ProductListProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions(
      { currency, locale, limit: PRODUCTS_PAGE_SIZE },
      {
        initialData: { pages: [firstPage], pageParams: [null] },
        getNextPageParam: (page) => page.nextCursor,
      },
    ),
  );
  const products = query.data.pages.flatMap((page) => page.items);
  if (!products.length) return <p>{t("storefront.noProducts")}</p>;
  return <ProductGrid products={products} locale={locale} pages={query} />;
}

import { useTRPC } from "@primestore/ui/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ProductCard, type ProductCardProps } from "./product-card.tsx";

export const PRODUCTS_PAGE_SIZE = 12;

export interface ProductListProps {
  /** Rendered by the loader, so the list works (and is indexable) before any JavaScript runs. */
  firstPage: { items: Array<ProductCardProps["product"] & { id: string }>; nextCursor: string | null };
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
  return (
    <>
      <ul className="product-grid" aria-busy={query.isFetchingNextPage}>
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} locale={locale} />
          </li>
        ))}
      </ul>
      <div className="load-more" aria-live="polite">
        {query.isFetchNextPageError ? <p className="form-error">{t("storefront.loadMoreFailed")}</p> : null}
        {query.hasNextPage ? (
          <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? t("common.loading") : t("storefront.loadMore")}
          </button>
        ) : null}
      </div>
    </>
  );
}

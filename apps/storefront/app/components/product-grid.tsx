import { useTranslation } from "react-i18next";
import { ProductCard, type ProductCardProps } from "./product-card.tsx";

export type GridProduct = ProductCardProps["product"] & { id: string };

/** What the grid needs of the infinite query that feeds it. */
export interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Product cards, and a button for the next page while there is one (the catalog, search results); listings link pages instead. */
export function ProductGrid({ products, locale, pages }: { products: GridProduct[]; locale: string; pages?: MorePages }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="product-grid" aria-busy={pages?.isFetchingNextPage}>
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} locale={locale} />
          </li>
        ))}
      </ul>
      {pages ? (
        <div className="load-more" aria-live="polite">
          {pages.isFetchNextPageError ? <p className="form-error">{t("storefront.loadMoreFailed")}</p> : null}
          {pages.hasNextPage ? (
            <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
              {pages.isFetchingNextPage ? t("common.loading") : t("storefront.loadMore")}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

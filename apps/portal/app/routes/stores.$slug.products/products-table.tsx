import type { AppRouter } from "@primestore/api/client";
import { formatMoney } from "@primestore/i18n";
import { useTRPC } from "@primestore/ui/api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

type SellerProducts = inferRouterOutputs<AppRouter>["catalog"]["sellerList"];

/** The store's products, refreshable in place through tRPC; the loader's copy renders it first. */
export function ProductsTable({ initial }: { initial: SellerProducts }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.catalog.sellerList.queryOptions(undefined, { initialData: initial }));

  // After a Remix action (a product created) the loader's copy is the newest: hand it to the cache.
  useEffect(() => {
    queryClient.setQueryData(trpc.catalog.sellerList.queryKey(), initial);
  }, [initial, queryClient, trpc]);

  const { currency, items } = query.data;
  return (
    <>
      <div className="toolbar">
        <button type="button" className="button-secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? t("common.loading") : t("portal.refresh")}
        </button>
        <p aria-live="polite" className="muted">
          {query.isRefetchError ? t("portal.refreshFailed") : null}
        </p>
      </div>
      {items.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("portal.title_")}</th>
                <th scope="col">{t("portal.slug")}</th>
                <th scope="col">{t("portal.status")}</th>
                <th scope="col" className="numeric">
                  {t("portal.price")}
                </th>
                <th scope="col" className="numeric">
                  {t("portal.stock")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((product) => (
                <tr key={product.id}>
                  <th scope="row">{product.title}</th>
                  <td>{product.slug}</td>
                  <td>{t(`portal.productStatus.${product.status}`)}</td>
                  <td className="numeric">{product.price === null ? "—" : formatMoney(product.price, currency, i18n.language)}</td>
                  <td className="numeric">{product.stock}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("portal.noProducts")}</p>
      )}
    </>
  );
}

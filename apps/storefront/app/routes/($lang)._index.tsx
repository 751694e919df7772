import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PRODUCTS_PAGE_SIZE, ProductList } from "../components/product-list.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { pageMeta, seoContextOf } from "../lib/seo.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const firstPage = await api.catalog.list({ currency, locale, limit: PRODUCTS_PAGE_SIZE }).catch(throwAsResponse);
  return { firstPage, currency, locale };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const seo = seoContextOf(matches);
  const name = seo?.storeName ?? "Prime Store";
  const t = translator(isLocale(seo?.locale) ? seo.locale : DEFAULT_LOCALE);
  return pageMeta(seo, { title: name, description: t("seo.homeDescription", { store: name }) });
};

export const headers = publicCatalogHeaders;

export default function Home() {
  const { firstPage, currency, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="products-title">
      <h1 id="products-title">{t("storefront.products")}</h1>
      <ProductList firstPage={firstPage} currency={currency} locale={locale} />
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

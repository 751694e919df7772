import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryLinks } from "../components/category-links.tsx";
import { ProductGrid } from "../components/product-grid.tsx";
import { PRODUCTS_PAGE_SIZE, ProductList } from "../components/product-list.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { pageMeta, seoContextOf } from "../lib/seo.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const [firstPage, collections, categories] = await Promise.all([
    api.catalog.list({ currency, locale, limit: PRODUCTS_PAGE_SIZE }),
    api.catalog.featuredCollections({ currency, locale }),
    api.catalog.categories({ locale }),
  ]).catch(throwAsResponse);
  return { firstPage, collections, categories, currency, locale };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const seo = seoContextOf(matches);
  const name = seo?.storeName ?? "Prime Store";
  const t = translator(isLocale(seo?.locale) ? seo.locale : DEFAULT_LOCALE);
  return pageMeta(seo, { title: name, description: t("seo.homeDescription", { store: name }) });
};

export const headers = publicCatalogHeaders;

export default function Home() {
  const { firstPage, collections, categories, currency, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <>
      <h1>{t("storefront.products")}</h1>
      <CategoryLinks label={t("catalog.shopByCategory")} categories={categories} />
      {collections
        .filter((collection) => collection.products.length)
        .map((collection) => (
          <section key={collection.slug} aria-labelledby={`collection-${collection.slug}`} className="shelf">
            <h2 id={`collection-${collection.slug}`}>{collection.name}</h2>
            <ProductGrid products={collection.products} locale={locale} />
            <Link to={localePath(`/collections/${collection.slug}`)}>{t("catalog.seeAll", { name: collection.name })}</Link>
          </section>
        ))}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">{t("catalog.newArrivals")}</h2>
        <ProductList firstPage={firstPage} currency={currency} locale={locale} />
        <Link to={localePath("/products")}>{t("catalog.allProducts")}</Link>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

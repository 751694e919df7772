import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { useTranslation } from "react-i18next";
import { CatalogListing } from "../components/catalog-listing.tsx";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { listingMeta } from "../lib/listing-meta.ts";
import { loadListing } from "../lib/listing.server.ts";
import { seoContextOf } from "../lib/seo.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return (await loadListing(request, params, {})).page;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const t = translator(isLocale(data.locale) ? data.locale : DEFAULT_LOCALE);
  return listingMeta(
    seoContextOf(matches),
    { title: `${t("catalog.allProducts")} · ${data.storeName}`, description: t("catalog.listingDescription", { store: data.storeName }) },
    data.listing,
  );
};

export const headers = publicCatalogHeaders;

export default function AllProducts() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="listing-title">
      <h1 id="listing-title">{t("catalog.allProducts")}</h1>
      <CatalogListing data={data} />
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

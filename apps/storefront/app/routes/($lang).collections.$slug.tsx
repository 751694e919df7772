import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CatalogListing } from "../components/catalog-listing.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { namedListingMeta } from "../lib/listing-meta.ts";
import { loadListing } from "../lib/listing.server.ts";
import { seoContextOf } from "../lib/seo.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const { api, page } = await loadListing(request, params, { collection: slug });
  const collection = await api.catalog.collection({ slug, locale: page.locale }).catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  return { ...page, collection };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? namedListingMeta(seoContextOf(matches), data.collection.name, data) : []);

export const headers = publicCatalogHeaders;

export default function CollectionPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="listing-title">
      <h1 id="listing-title">{data.collection.name}</h1>
      <CatalogListing data={data} />
    </section>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <RouteError notFoundMessage={t("catalog.collectionNotFound")} />;
}

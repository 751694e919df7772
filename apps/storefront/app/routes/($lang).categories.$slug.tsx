import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CatalogListing } from "../components/catalog-listing.tsx";
import { CategoryLinks } from "../components/category-links.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { namedListingMeta } from "../lib/listing-meta.ts";
import { loadListing } from "../lib/listing.server.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { seoContextOf } from "../lib/seo.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const { api, page } = await loadListing(request, params, { category: slug });
  const category = await api.catalog.category({ slug, locale: page.locale }).catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  return { ...page, ...category };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? namedListingMeta(seoContextOf(matches), data.category.name, data) : []);

export const headers = publicCatalogHeaders;

export default function CategoryPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <section aria-labelledby="listing-title">
      {data.breadcrumb.length ? (
        <nav aria-label={t("catalog.breadcrumb")} className="breadcrumb">
          <ol>
            {data.breadcrumb.map((crumb) => (
              <li key={crumb.slug}>
                <Link to={localePath(`/categories/${crumb.slug}`)}>{crumb.name}</Link>
              </li>
            ))}
            <li aria-current="page">{data.category.name}</li>
          </ol>
        </nav>
      ) : null}
      <h1 id="listing-title">{data.category.name}</h1>
      <CategoryLinks label={t("catalog.subcategories")} categories={data.children} />
      <CatalogListing data={data} />
    </section>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <RouteError notFoundMessage={t("catalog.categoryNotFound")} />;
}

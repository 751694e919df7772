import { apiFailure } from "@primestore/api/remix";
import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SEARCH_PAGE_SIZE, SearchResults } from "../components/search-results.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { pageMeta, seoContextOf } from "../lib/seo.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, tenant, locale, currency } = await loadStorefront(request, params);
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  const page = { q, currency, locale, storeName: tenant.name };
  if (!q) return { ...page, results: null, invalid: false };
  const results = await api.catalog.search({ q, currency, locale, limit: SEARCH_PAGE_SIZE }).catch((error: unknown) => {
    // Text the API can't search (one letter, punctuation only) is a shopper's slip, not an error page.
    if (apiFailure(error)?.code === "VALIDATION") return null;
    return throwAsResponse(error);
  });
  return { ...page, results, invalid: results === null };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const seo = seoContextOf(matches);
  const t = translator(isLocale(data.locale) ? data.locale : DEFAULT_LOCALE);
  const heading = data.q ? t("search.resultsFor", { query: data.q }) : t("search.title");
  // Result pages are endless variations of the catalog: crawlers follow them to products but don't index them.
  return pageMeta(seo, { title: `${heading} · ${data.storeName}`, description: heading, extra: [{ name: "robots", content: "noindex, follow" }] });
};

export const headers = publicCatalogHeaders;

export default function SearchPage() {
  const { q, currency, locale, results, invalid } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{q ? t("search.resultsFor", { query: q }) : t("search.title")}</h1>
      {invalid ? <p className="form-error">{t("search.invalidQuery")}</p> : null}
      {results ? <SearchResults key={q} q={q} firstPage={results} currency={currency} locale={locale} /> : null}
      {!q ? <p>{t("search.prompt")}</p> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

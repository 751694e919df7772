import { DEFAULT_LOCALE, isLocale } from "@primestore/i18n";
import { Document, MainContent, RouteError, SkipLink, StatusPage, errorPayloadOf } from "@primestore/ui";
import { ApiProvider } from "@primestore/ui/api";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ServiceWorkerRegistration } from "./components/service-worker.tsx";
import { StoreHeader } from "./components/store-header.tsx";
import { safeBrandColor } from "./lib/brand.ts";
import { requestOrigin } from "./lib/origin.server.ts";
import { type SeoContext, unprefixedPath } from "./lib/seo.ts";
import { loadStorefront } from "./lib/storefront.server.ts";
import stylesUrl from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "icon", href: "/icon.svg", type: "image/svg+xml" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, locale, currency } = await loadStorefront(request, params);
  const { primaryColor, logoUrl } = tenant.branding;
  const seo: SeoContext = {
    origin: requestOrigin(request),
    path: unprefixedPath(new URL(request.url).pathname, params.lang),
    locale,
    defaultLocale: tenant.defaultLocale,
    locales: tenant.locales,
    storeName: tenant.name,
  };
  return {
    locale,
    currency,
    seo,
    store: {
      name: tenant.name,
      logoUrl: logoUrl ?? null,
      primaryColor: safeBrandColor(primaryColor),
      locales: tenant.locales,
      currencies: tenant.currencies,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.store.name ?? "Prime Store" }];

/** When the root loader failed (no store), its error response still says which language to speak. */
function useErrorLocale() {
  const error = useRouteError();
  const locale = isRouteErrorResponse(error) ? errorPayloadOf(error.data)?.locale : undefined;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const errorLocale = useErrorLocale();
  return (
    <Document locale={data?.locale ?? errorLocale} brandColor={data?.store.primaryColor}>
      {children}
    </Document>
  );
}

export default function App() {
  const { store, locale, currency } = useLoaderData<typeof loader>();
  return (
    <ApiProvider>
      <ServiceWorkerRegistration />
      <SkipLink />
      <StoreHeader store={store} locale={locale} currency={currency} />
      <MainContent>
        <Outlet />
      </MainContent>
    </ApiProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const payload = isRouteErrorResponse(error) ? errorPayloadOf(error.data) : null;
  return (
    <MainContent>
      {payload?.code === "TENANT_NOT_FOUND" ? (
        <StatusPage status={404} title={t("storefront.unknownStoreTitle")}>
          <p>{t("storefront.unknownStoreBody", { host: payload.host })}</p>
        </StatusPage>
      ) : payload?.code === "TENANT_SUSPENDED" ? (
        <StatusPage status={403} title={t("storefront.suspendedStoreTitle")}>
          <p>{t("storefront.suspendedStoreBody")}</p>
        </StatusPage>
      ) : (
        <RouteError />
      )}
    </MainContent>
  );
}

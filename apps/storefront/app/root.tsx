import { DEFAULT_LOCALE, isLocale } from "@primestore/i18n";
import { Document, MainContent, RouteError, SkipLink, StatusPage, errorPayloadOf } from "@primestore/ui";
import { ApiProvider } from "@primestore/ui/api";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StoreHeader } from "./components/store-header.tsx";
import { loadStorefront } from "./lib/storefront.server.ts";
import stylesUrl from "./styles.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

// Sellers choose the colour; only a plain hex value may reach a style attribute.
const hexColor = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, locale, currency } = await loadStorefront(request, params);
  const { primaryColor, logoUrl } = tenant.branding;
  return {
    locale,
    currency,
    store: {
      name: tenant.name,
      logoUrl: logoUrl ?? null,
      primaryColor: primaryColor && hexColor.test(primaryColor) ? primaryColor : null,
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

import { DEFAULT_LOCALE, createI18n, isLocale } from "@primestore/i18n";
import { StatusPage } from "@primestore/ui";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useMemo, type CSSProperties, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { ApiProvider } from "./components/api-provider.tsx";
import { RouteError } from "./components/route-error.tsx";
import { StoreHeader } from "./components/store-header.tsx";
import { errorPayloadOf } from "./lib/error-payload.ts";
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
  const locale = data?.locale ?? errorLocale;
  const primaryColor = data?.store.primaryColor;
  // Built from the loader's locale on both sides, so server and browser render the same words.
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* No favicon yet: an empty one spares every page view a server-rendered 404. */}
        <link rel="icon" href="data:," />
        <Meta />
        <Links />
      </head>
      <body style={primaryColor ? ({ "--color-brand": primaryColor } as CSSProperties) : undefined}>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("common.skipToContent")}
    </a>
  );
}

export default function App() {
  const { store, locale, currency } = useLoaderData<typeof loader>();
  return (
    <ApiProvider>
      <SkipLink />
      <StoreHeader store={store} locale={locale} currency={currency} />
      <main id="main" className="container">
        <Outlet />
      </main>
    </ApiProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const payload = isRouteErrorResponse(error) ? errorPayloadOf(error.data) : null;
  return (
    <main id="main" className="container">
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
    </main>
  );
}

import { DEFAULT_LOCALE, createI18n } from "@primestore/i18n";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { PortalHeader } from "./components/portal-header.tsx";
import { RouteError } from "./components/route-error.tsx";
import { serverApi } from "./lib/api.server.ts";
import { portalLocale } from "./lib/locale.server.ts";
import stylesUrl from "./styles.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction = () => [{ title: "Prime Store" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await serverApi(request);
  const user = await api.auth.me();
  return { locale: portalLocale(request), user: user ? { name: user.name, isStaff: user.staffRole !== null } : null };
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
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
      <body>
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
  const { user, locale } = useLoaderData<typeof loader>();
  return (
    <>
      <SkipLink />
      <PortalHeader user={user} locale={locale} />
      <main id="main" className="container">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="container">
      <RouteError />
    </main>
  );
}

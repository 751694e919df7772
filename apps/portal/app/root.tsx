import { DEFAULT_LOCALE } from "@primestore/i18n";
import { Document, MainContent, RouteError, SkipLink } from "@primestore/ui";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PortalHeader } from "./components/portal-header.tsx";
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
  return <Document locale={locale}>{children}</Document>;
}

export default function App() {
  const { user, locale } = useLoaderData<typeof loader>();
  return (
    <>
      <SkipLink />
      <PortalHeader user={user} locale={locale} />
      <MainContent>
        <Outlet />
      </MainContent>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <MainContent>
      <RouteError />
    </MainContent>
  );
}

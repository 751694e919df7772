import { roleGrants } from "@primestore/api";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StoreApiProvider } from "../components/api-provider.tsx";
import { requireUser } from "../lib/auth.server.ts";
import { invariantResponse } from "../lib/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = user.memberships.find((candidate) => candidate.tenantSlug === params.slug);
  invariantResponse(membership, "FORBIDDEN", 403);
  const { role } = membership;
  return {
    store: { slug: membership.tenantSlug, name: membership.tenantName, role },
    // What to offer; the procedures check the role again whatever the page shows.
    can: { readPayments: roleGrants(role, "payments:read"), writePayments: roleGrants(role, "payments:write") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.store.name} · Prime Store` : "Prime Store" }];

export default function StoreLayout() {
  const { store, can } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <header className="page-header">
        <h1>{store.name}</h1>
        <nav aria-label={t("portal.storeNavigation")} className="tabs">
          <NavLink to="products">{t("portal.products")}</NavLink>
          <NavLink to="orders">{t("portal.orders")}</NavLink>
          {can.readPayments ? <NavLink to="finance">{t("portal.financeNav")}</NavLink> : null}
          {can.readPayments ? <NavLink to="settings/payments">{t("portal.paymentSettingsNav")}</NavLink> : null}
        </nav>
      </header>
      <StoreApiProvider key={store.slug} store={store.slug}>
        <Outlet />
      </StoreApiProvider>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

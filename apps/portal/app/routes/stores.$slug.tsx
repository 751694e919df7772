import { type SellerPermission, sellerPermissions } from "@primestore/api";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StoreApiProvider } from "../components/api-provider.tsx";
import { StoreSwitcher } from "../components/store-switcher.tsx";
import { requireUser } from "../lib/auth.server.ts";
import { invariantResponse } from "../lib/http.server.ts";
import { storeSections } from "../lib/sections.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = user.memberships.find((candidate) => candidate.tenantSlug === params.slug);
  invariantResponse(membership, "FORBIDDEN", 403);
  const granted = new Set(membership.permissions);
  return {
    store: { slug: membership.tenantSlug, name: membership.tenantName, role: membership.role },
    otherStores: user.memberships
      .filter((other) => other.tenantSlug !== membership.tenantSlug)
      .map((other) => ({ slug: other.tenantSlug, name: other.tenantName, permissions: other.permissions })),
    // What to offer; the procedures check the permission again whatever the page shows.
    can: Object.fromEntries(sellerPermissions.map((permission) => [permission, granted.has(permission)])) as Record<SellerPermission, boolean>,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.store.name} · Prime Store` : "Prime Store" }];

export default function StoreLayout() {
  const { store, can, otherStores } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <header className="page-header">
        <div className="store-title">
          <h1>{store.name}</h1>
          <StoreSwitcher current={store.slug} stores={otherStores} />
        </div>
        <nav aria-label={t("portal.storeNavigation")} className="tabs">
          {storeSections
            .filter((section) => can[section.permission])
            .map((section) => (
              <NavLink key={section.path} to={section.path}>
                {t(section.label)}
              </NavLink>
            ))}
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

import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await serverApi(request);
  // Not signed in -> login; signed in without a staff role -> FORBIDDEN -> 403 page.
  const tenants = await api.tenants.staffList().catch(throwForPage(request));
  return { tenants };
}

export default function StaffConsole() {
  const { tenants } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{t("portal.staffTitle")}</h1>
      <div className="table-scroll">
        <table>
          <caption>{t("portal.tenants")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.name")}</th>
              <th scope="col">{t("portal.status")}</th>
              <th scope="col">{t("portal.host")}</th>
              <th scope="col">{t("portal.locales")}</th>
              <th scope="col">{t("portal.currencies")}</th>
              <th scope="col" className="numeric">
                {t("portal.products")}
              </th>
              <th scope="col" className="numeric">
                {t("portal.orders")}
              </th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr key={tenant.id}>
                <th scope="row">
                  {tenant.name} <span className="muted">({tenant.slug})</span>
                </th>
                <td>{t(`portal.tenantStatus.${tenant.status}`)}</td>
                <td>{tenant.hosts.join(", ")}</td>
                <td>{tenant.locales.join(", ")}</td>
                <td>{tenant.currencies.join(", ")}</td>
                <td className="numeric">{tenant.productCount}</td>
                <td className="numeric">{tenant.orderCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "../lib/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { stores: user.memberships, isStaff: user.staffRole !== null };
}

export default function Stores() {
  const { stores, isStaff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="stores-title">
      <h1 id="stores-title">{t("portal.chooseStore")}</h1>
      {stores.length ? (
        <ul className="store-list">
          {stores.map((store) => (
            <li key={store.tenantId}>
              <Link to={`/stores/${store.tenantSlug}`}>{store.tenantName}</Link>
              <span className="badge">{store.roleName ?? t(`portal.roles.${store.role}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("portal.noStores")}</p>
      )}
      {isStaff ? (
        <p>
          <Link to="/staff">{t("portal.staffTitle")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

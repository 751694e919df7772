import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "../components/account-nav.tsx";
import { requireCustomer } from "../lib/account.server.ts";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export const headers = privateNoStoreHeaders;
export const meta = privatePageMeta("account.overviewTitle");

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale } = await loadStorefront(request, params);
  const customer = await requireCustomer(api, request, params.lang);
  // A mangled cursor shows the first page rather than an error.
  const after = new URL(request.url).searchParams.get("after");
  const page = await api.account.listOrders(after && uuid.test(after) ? { after } : {}).catch(throwAsResponse);
  return { customer, page, locale, paged: Boolean(after) };
}

export default function AccountOverview() {
  const { customer, page, locale, paged } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <section className="account" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.greeting", { name: customer.name })}</h1>
      <AccountNav />
      <h2>{t("account.orders")}</h2>
      {page.orders.length === 0 ? (
        <>
          <p>{t("account.noOrders")}</p>
          <p className="notice">{t("account.guestOrdersHint")}</p>
          <Link to={localePath("/order-lookup")}>{t("account.orderLookupLink")}</Link>
        </>
      ) : (
        <ul className="account-orders">
          {page.orders.map((order) => (
            <li key={order.number}>
              <Link to={localePath(`/account/orders/${order.number}`)}>{t("account.orderNumber", { number: order.number })}</Link>
              <span>{t("account.placedAt", { date: formatDate(order.placedAt, locale) })}</span>
              <span>{t(`account.orderStatus.${order.status}`, { defaultValue: order.status })}</span>
              <span>{t("account.itemCount", { count: order.itemCount })}</span>
              <span className="price">{formatMoney(order.total, order.currency, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="account-pages">
        {paged ? <Link to={localePath("/account")}>{t("account.newestOrders")}</Link> : null}
        {page.nextCursor ? <Link to={`${localePath("/account")}?after=${page.nextCursor}`}>{t("account.olderOrders")}</Link> : null}
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

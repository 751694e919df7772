import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";
import { dateTimeFormat } from "../lib/format.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  return { orders: await api.orders.sellerList().catch(throwForPage(request)) };
}

export default function StoreOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (!orders.length) return <p>{t("portal.noOrders")}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t("portal.orders")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("portal.orderNumber")}</th>
            <th scope="col">{t("portal.placedAt")}</th>
            <th scope="col">{t("common.email")}</th>
            <th scope="col">{t("portal.status")}</th>
            <th scope="col" className="numeric">
              {t("portal.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row">
                <Link to={String(order.number)}>#{order.number}</Link>
              </th>
              <td>{formatDate(order.placedAt, locale, dateTimeFormat)}</td>
              <td>{order.email}</td>
              <td>{t(`portal.orderStatus.${order.status}`, { defaultValue: order.status })}</td>
              <td className="numeric">{formatMoney(order.total, order.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

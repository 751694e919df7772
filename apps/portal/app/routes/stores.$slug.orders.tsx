import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";

// Server and browser must print the same time (hydration), whatever their clocks' zones.
const placedAtFormat: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
};

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
              <th scope="row">#{order.number}</th>
              <td>{formatDate(order.placedAt, locale, placedAtFormat)}</td>
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

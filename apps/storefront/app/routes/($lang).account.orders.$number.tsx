import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "../components/account-nav.tsx";
import { OrderDetail } from "../components/order-detail.tsx";
import { requireCustomer } from "../lib/account.server.ts";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { invariantResponse } from "../lib/http.server.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export const headers = privateNoStoreHeaders;
export const meta = privatePageMeta("account.orders");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale } = await loadStorefront(request, params);
  await requireCustomer(api, request, params.lang);
  invariantResponse(params.number && /^\d{1,9}$/.test(params.number), "NOT_FOUND", 404, { locale });
  const order = await api.account.getOrder({ number: Number(params.number) }).catch(throwAsResponse);
  return { order, locale };
}

export default function AccountOrder() {
  const { order, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <section className="account">
      <AccountNav />
      <OrderDetail order={order} locale={locale} />
      <Link to={localePath("/account")}>{t("account.backToOrders")}</Link>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

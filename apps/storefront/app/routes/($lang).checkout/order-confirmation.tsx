import { formatMoney } from "@primestore/i18n";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../../lib/locale-path.ts";

export interface OrderConfirmationProps {
  order: { number: number; email: string; total: bigint; currency: string };
  locale: string;
}

export function OrderConfirmation({ order, locale }: OrderConfirmationProps) {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <section className="confirmation" aria-labelledby="confirmation-title">
      <h1 id="confirmation-title">{t("storefront.orderPlaced")}</h1>
      <p className="order-number">{t("storefront.orderNumber", { number: order.number })}</p>
      <p>
        {t("storefront.total")}: {formatMoney(order.total, order.currency, locale)}
      </p>
      <p>{t("storefront.orderEmailSent", { email: order.email })}</p>
      <Link to={localePath("/")}>{t("storefront.continueShopping")}</Link>
    </section>
  );
}

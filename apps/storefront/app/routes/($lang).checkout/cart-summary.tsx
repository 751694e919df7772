import { formatMoney } from "@primestore/i18n";
import { useTranslation } from "react-i18next";

export interface CartSummaryProps {
  cart: {
    currency: string;
    subtotal: bigint;
    lines: Array<{ variantId: string; productTitle: string; variantTitle: string; quantity: number; total: bigint | null }>;
  };
  locale: string;
}

/** What the shopper is about to order from their cart, at the prices they will pay. */
export function CartSummary({ cart, locale }: CartSummaryProps) {
  const { t } = useTranslation();
  const money = (amount: bigint) => formatMoney(amount, cart.currency, locale);
  return (
    <section className="order-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("storefront.orderSummary")}</h2>
      <ul className="summary-lines">
        {cart.lines.map((line) => (
          <li key={line.variantId}>
            {line.quantity} × {line.productTitle}
            {line.variantTitle !== line.productTitle ? ` (${line.variantTitle})` : ""}
            {line.total === null ? "" : `: ${money(line.total)}`}
          </li>
        ))}
      </ul>
      <p className="price">
        {t("checkout.subtotal")}: {money(cart.subtotal)}
      </p>
    </section>
  );
}

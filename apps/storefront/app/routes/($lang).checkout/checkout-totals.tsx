import { useTranslation } from "react-i18next";
import type { InstallmentView, OfferView } from "./offer.ts";

export interface CheckoutTotalsProps {
  offer: OfferView;
  /** The card plan chosen, when paying by card. */
  plan: InstallmentView | null;
  money: (amount: bigint) => string;
}

/** What the shopper will pay, as quoted; the order is priced again, by the same rules, when placed. */
export function CheckoutTotals({ offer, plan, money }: CheckoutTotalsProps) {
  const { t } = useTranslation();
  const shipping = offer.shipping?.amount ?? 0n;
  const total = plan?.total ?? offer.subtotal + shipping;
  return (
    <dl className="checkout-totals" aria-live="polite">
      <dt>{t("checkout.subtotal")}</dt>
      <dd>{money(offer.subtotal)}</dd>
      {offer.shipping ? (
        <>
          <dt>
            {t("checkout.shipping")} ({offer.shipping.name})
          </dt>
          <dd>{shipping === 0n ? t("checkout.free") : money(shipping)}</dd>
        </>
      ) : null}
      {plan && plan.interest > 0n ? (
        <>
          <dt>{t("checkout.interest")}</dt>
          <dd>{money(plan.interest)}</dd>
        </>
      ) : null}
      <dt>{t("storefront.total")}</dt>
      <dd className="price">{money(total)}</dd>
    </dl>
  );
}

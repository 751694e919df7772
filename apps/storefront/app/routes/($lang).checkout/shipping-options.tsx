import { useTranslation } from "react-i18next";
import type { OfferView } from "./offer.ts";

export interface ShippingOptionsProps {
  offer: OfferView | null;
  money: (amount: bigint) => string;
  error?: string;
}

/**
 * The rates that reach the destination. Without JavaScript the shopper asks for new ones (and
 * new installment amounts) with the update button; with it, the page asks when the country or
 * the choice changes.
 */
export function ShippingOptions({ offer, money, error }: ShippingOptionsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-list" aria-describedby={error ? "shipping-error" : undefined}>
      <legend>{t("checkout.shippingOptions")}</legend>
      {!offer ? <p className="notice">{t("checkout.shippingNeedsCountry")}</p> : null}
      {offer && !offer.shippingOptions.length ? <p className="notice">{t("checkout.noShippingOptions")}</p> : null}
      {offer?.shippingOptions.map((option) => (
        <label key={option.rateId} className="choice">
          <input type="radio" name="shippingRateId" value={option.rateId} defaultChecked={option.rateId === offer.shipping?.rateId} />
          <span>{option.name}</span>
          <span className="choice-price">{option.amount === 0n ? t("checkout.free") : money(option.amount)}</span>
        </label>
      ))}
      {error ? (
        <p id="shipping-error" className="field-error">
          {error}
        </p>
      ) : null}
      {/* The form's first submit button is the one Enter presses: with JavaScript the page
          re-quotes by itself and this one doesn't exist, so Enter in any field places the order.
          In <noscript> rather than removed on hydration, so nothing below it moves. */}
      <noscript>
        <button type="submit" name="intent" value="quote" formNoValidate className="button-secondary">
          {t("checkout.updateShipping")}
        </button>
      </noscript>
    </fieldset>
  );
}

import { SelectField } from "@primestore/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InstallmentView, OfferView } from "./offer.ts";

export interface PaymentOptionsProps {
  offer: OfferView;
  method: string;
  installments: number;
  onMethodChange(method: string): void;
  onInstallmentsChange(count: number): void;
  money: (amount: bigint) => string;
  /** The provider's card fields, where the store's card provider has them. */
  cardForm?: ReactNode;
  error?: string;
}

/** The store's methods for this currency; card installments and the provider's card fields or, in test mode, a sandbox card. */
export function PaymentOptions({ offer, method, installments, onMethodChange, onInstallmentsChange, money, cardForm, error }: PaymentOptionsProps) {
  const { t } = useTranslation();
  const planLabel = (plan: InstallmentView) =>
    plan.interestFree
      ? t("checkout.installmentFree", { count: plan.count, amount: money(plan.amount) })
      : t("checkout.installmentWithInterest", { count: plan.count, amount: money(plan.amount), total: money(plan.total) });
  const installmentsSelect = offer.installments.length ? (
    <SelectField
      name="installments"
      label={t("checkout.installments")}
      value={String(installments)}
      onChange={(event) => onInstallmentsChange(Number(event.currentTarget.value))}
      options={offer.installments.map((plan) => ({ value: String(plan.count), label: planLabel(plan) }))}
    />
  ) : null;
  // Mercado Pago prices installments for the card typed, so its plans come after the card's fields.
  const plansFollowCard = offer.cardForm?.provider === "mercadopago";
  return (
    <fieldset className="choice-list" aria-describedby={error ? "payment-error" : undefined}>
      <legend>{t("checkout.paymentMethod")}</legend>
      {offer.paymentMethods.map((id) => (
        <div key={id} className="payment-method">
          <label className="choice">
            <input type="radio" name="paymentMethod" value={id} checked={method === id} onChange={() => onMethodChange(id)} />
            <span>{t(`checkout.methods.${id}`)}</span>
          </label>
          <p className="field-hint">{t(`checkout.methodHints.${id}`)}</p>
          {/* Always rendered under the card option: without JavaScript nothing could reveal it later. */}
          {id === "card" && !plansFollowCard ? installmentsSelect : null}
          {id === "card" && offer.cardForm ? (
            <>
              {cardForm}
              {/* The provider's fields are its script's: without JavaScript there is nothing to type a card into. */}
              <noscript>
                <p className="notice">{t("checkout.card.needsJavaScript")}</p>
              </noscript>
            </>
          ) : null}
          {id === "card" && !offer.cardForm && offer.sandboxCards.length ? (
            <SelectField
              name="cardToken"
              label={t("checkout.testCard")}
              options={offer.sandboxCards.map((card) => ({
                value: card.token,
                label: card.outcome === "approved" ? t("checkout.testCardApproved") : t("checkout.testCardDeclined"),
              }))}
            />
          ) : null}
          {id === "card" && plansFollowCard ? installmentsSelect : null}
        </div>
      ))}
      {error ? (
        <p id="payment-error" className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { loadScript } from "../../lib/load-script.ts";
import type { StripeElements, StripeJs } from "../../lib/stripe-js.ts";
import type { CardFormHandle, CardFormProps } from "./card-form.tsx";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/**
 * Stripe's Payment Element with the intent created later, on the server (deferred intent): the
 * shopper types the card into Stripe's iframe, Stripe.js turns it into a ConfirmationToken, and
 * the order is placed with it; our server creates and confirms the PaymentIntent.
 */
export const StripeCardForm = forwardRef<CardFormHandle, CardFormProps>(function StripeCardForm({ config, amount, currency, locale }, ref) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const loaded = useRef<{ stripe: StripeJs; elements: StripeElements } | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  // The element is built once per key and currency; a new total only updates it.
  const initialAmount = useRef(amount);

  useEffect(() => {
    let destroy: (() => void) | undefined;
    let cancelled = false;
    loadScript(config.scriptUrl).then(
      () => {
        if (cancelled || !container.current || !window.Stripe) return;
        const stripe = window.Stripe(config.publicKey, { locale });
        const elements = stripe.elements({ mode: "payment", amount: Number(initialAmount.current), currency: currency.toLowerCase(), paymentMethodTypes: ["card"] });
        const element = elements.create("payment");
        element.mount(container.current);
        destroy = () => element.destroy();
        loaded.current = { stripe, elements };
        setStatus("ready");
      },
      () => !cancelled && setStatus("failed"),
    );
    return () => {
      cancelled = true;
      loaded.current = null;
      destroy?.();
    };
  }, [config.scriptUrl, config.publicKey, currency, locale]);

  useEffect(() => loaded.current?.elements.update({ amount: Number(amount) }), [amount]);

  useImperativeHandle(ref, () => ({
    async tokenize(checkout) {
      const current = loaded.current;
      if (!current) return { error: t("checkout.card.unavailable") };
      const submitted = await current.elements.submit();
      if (submitted.error) return { error: submitted.error.message ?? t("checkout.card.invalid") };
      const { confirmationToken, error } = await current.stripe.createConfirmationToken({
        elements: current.elements,
        params: { payment_method_data: { billing_details: { name: text(checkout, "name"), email: text(checkout, "email") } } },
      });
      if (!confirmationToken) return { error: error?.message ?? t("checkout.card.invalid") };
      return { fields: { cardToken: confirmationToken.id } };
    },
  }));

  return (
    <div className="card-form">
      <div ref={container} className="card-form-element" />
      {status === "loading" ? <p className="field-hint">{t("checkout.card.loading")}</p> : null}
      {status === "failed" ? <p className="field-error">{t("checkout.card.unavailable")}</p> : null}
    </div>
  );
});

import { useTRPC } from "@primestore/ui/api";
import { useMutation } from "@tanstack/react-query";
import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { loadScript } from "../../lib/load-script.ts";

export interface CardAuthenticationProps {
  action: { provider: "stripe" | "mercadopago"; scriptUrl: string; publicKey: string; clientSecret: string };
  orderId: string;
  token: string;
  locale: string;
}

/**
 * The card's bank asks the shopper to confirm the payment (3-D Secure): Stripe.js shows its
 * challenge, and once the shopper has answered, the page asks our server to fetch the outcome
 * from Stripe at once rather than wait for the webhook.
 */
export function CardAuthentication({ action, orderId, token, locale }: CardAuthenticationProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const refresh = useMutation(trpc.orders.refreshPayment.mutationOptions({ onSettled: () => revalidator.revalidate() }));
  const [failed, setFailed] = useState(false);
  const { mutate } = refresh;

  useEffect(() => {
    let cancelled = false;
    loadScript(action.scriptUrl)
      .then(async () => {
        if (cancelled || !window.Stripe) return;
        // Whatever the shopper answered, Stripe now knows the outcome: ask it.
        await window.Stripe(action.publicKey, { locale }).handleNextAction({ clientSecret: action.clientSecret });
        if (!cancelled) mutate({ orderId, token });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [action.scriptUrl, action.publicKey, action.clientSecret, locale, orderId, token, mutate]);

  return (
    <section className="payment-instructions" aria-labelledby="card-authentication-title">
      <h2 id="card-authentication-title">{t("orderStatus.cardAuthenticationTitle")}</h2>
      <p>{t("orderStatus.cardAuthenticationBody")}</p>
      <noscript>
        <p className="notice">{t("checkout.card.needsJavaScript")}</p>
      </noscript>
      {failed ? <p className="field-error">{t("checkout.card.unavailable")}</p> : null}
    </section>
  );
}

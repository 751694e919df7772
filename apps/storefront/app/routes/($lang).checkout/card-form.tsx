import { forwardRef } from "react";
import type { CardFormView } from "./offer.ts";
import { MercadoPagoCardForm } from "./mercadopago-card-form.tsx";
import { StripeCardForm } from "./stripe-card-form.tsx";

export type CardTokenResult = { fields: Record<string, string> } | { error: string };

/**
 * Turns what the shopper typed into the provider's fields into a single-use token the order is
 * placed with; `checkout` is the rest of the form (the payer's name, email, CPF/CNPJ).
 */
export interface CardFormHandle {
  tokenize(checkout: FormData): Promise<CardTokenResult>;
}

export interface CardFormProps {
  config: CardFormView;
  /** What the card will be charged, in minor units, for forms that show or check it. */
  amount: bigint;
  currency: string;
  locale: string;
  /**
   * The card as its BIN names it, once known (null when the number is cleared), for a provider
   * that prices installments itself: the page asks for its plans for that card.
   */
  onCardChange?(card: { brand: string; bin: string } | null): void;
}

/**
 * The card provider's own fields (Stripe's Payment Element, Mercado Pago's secure fields): the card
 * number goes from the shopper's browser to the provider, never to us.
 */
export const CardForm = forwardRef<CardFormHandle, CardFormProps>(function CardForm(props, ref) {
  return props.config.provider === "stripe" ? <StripeCardForm ref={ref} {...props} /> : <MercadoPagoCardForm ref={ref} {...props} />;
});

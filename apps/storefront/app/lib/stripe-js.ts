/** The part of Stripe.js (js.stripe.com/v3) the storefront uses: the Payment Element and the bank's 3-D Secure challenge. */
export interface StripeError {
  message?: string;
}
export interface StripeElements {
  create(type: "payment"): { mount(target: HTMLElement): void; destroy(): void };
  update(options: { amount: number }): void;
  submit(): Promise<{ error?: StripeError }>;
}
export interface StripeJs {
  elements(options: { mode: "payment"; amount: number; currency: string; paymentMethodTypes: string[] }): StripeElements;
  createConfirmationToken(options: {
    elements: StripeElements;
    params: { payment_method_data: { billing_details: { name: string; email: string } } };
  }): Promise<{ confirmationToken?: { id: string }; error?: StripeError }>;
  handleNextAction(options: { clientSecret: string }): Promise<{ error?: StripeError }>;
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string, options: { locale: string }) => StripeJs;
  }
}

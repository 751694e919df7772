import { FakeStripeError, invalidRequest } from "./fake-stripe-error.ts";
import { type FakeConfirmationToken, type FakeStripeState, newId, unixNow } from "./fake-stripe-state.ts";
import { type FormParams, objectParam, stringParam } from "./form-params.ts";

/** Stripe's test card numbers, as the test payment methods they stand for. */
const TEST_CARD_NUMBERS: Record<string, { paymentMethod: string; brand: string }> = {
  "4242424242424242": { paymentMethod: "pm_card_visa", brand: "visa" },
  "4000000000000002": { paymentMethod: "pm_card_chargeDeclined", brand: "visa" },
  "4000000000009995": { paymentMethod: "pm_card_chargeDeclinedInsufficientFunds", brand: "visa" },
  "4000002500003155": { paymentMethod: "pm_card_authenticationRequired", brand: "visa" },
};

const cardError = (code: string, message: string, param: string) => new FakeStripeError(402, { type: "card_error", code, message, param });

/** POST /v1/confirmation_tokens, as Stripe.js sends it with the publishable key: the card typed into the Payment Element. */
export function createConfirmationToken(state: FakeStripeState, params: FormParams): FakeConfirmationToken {
  const data = objectParam(params, "payment_method_data");
  if (stringParam(data, "type") !== "card") throw invalidRequest("The fake takes cards only.", { param: "payment_method_data[type]" });
  const card = objectParam(data, "card");
  const number = (stringParam(card, "number") ?? "").replace(/\s/g, "");
  const month = Number(stringParam(card, "exp_month"));
  const year = Number(stringParam(card, "exp_year"));
  const known = TEST_CARD_NUMBERS[number];
  if (!known) throw cardError("incorrect_number", "Your card number is incorrect.", "number");
  const now = new Date();
  if (!Number.isInteger(month) || month < 1 || month > 12) throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
  if (!Number.isInteger(year) || year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    throw cardError("invalid_expiry_year", "Your card's expiration year is in the past.", "exp_year");
  }
  if (!/^\d{3,4}$/.test(stringParam(card, "cvc") ?? "")) throw cardError("invalid_cvc", "Your card's security code is invalid.", "cvc");
  const token: FakeConfirmationToken = {
    id: newId("ctoken"),
    object: "confirmation_token",
    created: unixNow(),
    livemode: false,
    payment_method: known.paymentMethod,
    payment_method_preview: { type: "card", card: { brand: known.brand, last4: number.slice(-4), exp_month: month, exp_year: year } },
    used: false,
  };
  state.confirmationTokens.set(token.id, token);
  return token;
}

/**
 * A stand-in for js.stripe.com/v3, served by the fake: the `Stripe(publishableKey)` calls the
 * storefront makes (a deferred-intent Payment Element, `elements.submit`, `createConfirmationToken`,
 * `handleNextAction`), talking to the fake's API the way Stripe.js talks to Stripe's. The "Payment
 * Element" is plain inputs without names, so, as with Stripe's iframe, the card never enters the
 * store's form; the 3-D Secure challenge is a dialog like Stripe's test page.
 */
export function fakeStripeJs(apiUrl: string): string {
  return `(() => {
  const api = ${JSON.stringify(apiUrl)};
  async function call(key, path, params) {
    const response = await fetch(api + path, { method: "POST", headers: { authorization: "Bearer " + key, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params) });
    const body = await response.json();
    return response.ok ? { body } : { error: body.error };
  }
  function input(container, label, autocomplete) {
    const wrapper = document.createElement("label");
    wrapper.className = "fake-stripe-field";
    wrapper.append(label);
    const field = document.createElement("input");
    field.autocomplete = autocomplete;
    field.inputMode = "numeric";
    wrapper.append(field);
    container.append(wrapper);
    return field;
  }
  window.Stripe = (key) => {
    if (!/^pk_test_\\w+$/.test(key)) throw new Error("The fake Stripe.js takes test publishable keys");
    return {
      elements(options) {
        if (options.mode !== "payment" || !Number.isInteger(options.amount) || !options.currency) throw new Error("elements() needs mode 'payment', an integer amount and a currency");
        const settings = { ...options };
        let fields = null;
        return {
          update(changes) { Object.assign(settings, changes); },
          create(type) {
            if (type !== "payment") throw new Error("The fake has only the Payment Element");
            let host = null;
            return {
              mount(target) {
                host = typeof target === "string" ? document.querySelector(target) : target;
                host.replaceChildren();
                fields = { number: input(host, "Card number", "cc-number"), expiry: input(host, "Expiration date (MM / YY)", "cc-exp"), cvc: input(host, "Security code", "cc-csc") };
              },
              unmount() { host?.replaceChildren(); fields = null; },
              destroy() { host?.replaceChildren(); fields = null; },
              on() {},
            };
          },
          async submit() {
            if (!fields) return { error: { type: "validation_error", message: "The Payment Element is not mounted." } };
            if (!fields.number.value.trim()) return { error: { type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." } };
            if (!/^\\d{2}\\s*\\/\\s*\\d{2}$/.test(fields.expiry.value.trim())) return { error: { type: "validation_error", code: "incomplete_expiry", message: "Your card's expiration date is incomplete." } };
            if (!fields.cvc.value.trim()) return { error: { type: "validation_error", code: "incomplete_cvc", message: "Your card's security code is incomplete." } };
            return {};
          },
          _card() {
            const [month, year] = fields.expiry.value.split("/").map((part) => part.trim());
            return { number: fields.number.value, exp_month: month, exp_year: "20" + year, cvc: fields.cvc.value };
          },
        };
      },
      async createConfirmationToken({ elements, params = {} }) {
        const card = elements._card();
        const form = { "payment_method_data[type]": "card" };
        for (const [name, value] of Object.entries(card)) form["payment_method_data[card][" + name + "]"] = value;
        const billing = params.payment_method_data?.billing_details ?? {};
        for (const [name, value] of Object.entries(billing)) if (typeof value === "string") form["payment_method_data[billing_details][" + name + "]"] = value;
        const result = await call(key, "/v1/confirmation_tokens", form);
        return result.error ? { error: result.error } : { confirmationToken: result.body };
      },
      handleNextAction({ clientSecret }) {
        const id = clientSecret.split("_secret_")[0];
        return new Promise((resolve) => {
          const dialog = document.createElement("dialog");
          dialog.setAttribute("aria-label", "3D Secure 2 Test Page");
          const heading = document.createElement("h2");
          heading.textContent = "3D Secure 2 Test Page";
          dialog.append(heading);
          for (const [outcome, label] of [["complete", "Complete"], ["fail", "Fail"]]) {
            const button = document.createElement("button");
            button.type = "button";
            button.textContent = label;
            button.addEventListener("click", async () => {
              const result = await call(key, "/v1/payment_intents/" + id + "/authenticate", { client_secret: clientSecret, outcome });
              dialog.close();
              dialog.remove();
              if (result.error) return resolve({ error: result.error });
              const intent = result.body;
              resolve(intent.last_payment_error ? { error: { ...intent.last_payment_error, payment_intent: intent } } : { paymentIntent: intent });
            });
            dialog.append(button);
          }
          document.body.append(dialog);
          dialog.showModal();
        });
      },
    };
  };
})();
`;
}

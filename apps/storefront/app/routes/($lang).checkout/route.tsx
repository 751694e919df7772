import { apiFailure } from "@primestore/api/remix";
import { formatMoney } from "@primestore/i18n";
import { Field, FormError, RouteError, SubmitButton, type FieldProps } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation, useSubmit } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { throwAsResponse } from "../../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../../lib/cache-headers.ts";
import { parseCartLine } from "../../lib/cart-line.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useLocalePath } from "../../lib/locale-path.ts";
import { orderStatusPath } from "../../lib/order-path.ts";
import { loadStorefront } from "../../lib/storefront.server.ts";
import { useFormFailure } from "../../lib/use-form-failure.ts";
import { useHydrated } from "../../lib/use-hydrated.ts";
import { CardForm, type CardFormHandle } from "./card-form.tsx";
import { CartSummary } from "./cart-summary.tsx";
import { CheckoutTotals } from "./checkout-totals.tsx";
import {
  checkoutDetails,
  checkoutPrefill,
  checkoutProblems,
  describeLine,
  placeOrderFromForm,
  quoteCheckout,
  quoteFromForm,
  readCheckoutForm,
  type CheckoutField,
} from "./checkout.server.ts";
import { PaymentOptions } from "./payment-options.tsx";
import { usePostalCodeFill } from "./postal-code-fill.tsx";
import { ShippingOptions } from "./shipping-options.tsx";

export const headers = privateNoStoreHeaders;

/** A first guess at the destination, so most shoppers see shipping options at once. */
const COUNTRY_BY_CURRENCY: Record<string, string> = { BRL: "BR", USD: "US" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const url = new URL(request.url);
  const prefill = await checkoutPrefill(api, locale.split("-")[1] ?? COUNTRY_BY_CURRENCY[currency] ?? "").catch(throwAsResponse);
  const defaultCountry = prefill.country ?? "";
  const formDefaults = {
    locale,
    currency,
    // Minted when the form is rendered: a double submit (or a retry after a lost response) places one order.
    idempotencyKey: crypto.randomUUID(),
    prefill,
  };
  // Buy now names its line in the URL; without one, the shopper checks out their cart.
  if (!url.searchParams.has("variant")) {
    const cart = await api.cart.get({ currency, locale }).catch(throwAsResponse);
    const offer = cart.readyForCheckout ? await quoteCheckout(api, { line: null, country: defaultCountry, currency }) : null;
    return { ...formDefaults, line: null, summary: null, cart, offer };
  }
  const line = parseCartLine(url.searchParams.get("variant"), url.searchParams.get("qty"));
  invariantResponse(line, "BAD_REQUEST", 400);
  const slug = url.searchParams.get("product");
  const [summary, offer] = await Promise.all([
    slug ? describeLine(api, slug, line, currency, locale) : null,
    quoteCheckout(api, { line, country: defaultCountry, currency }),
  ]);
  return { ...formDefaults, line, summary, cart: null, offer };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const form = await request.formData();
  const values = readCheckoutForm(form);
  if (form.get("intent") === "quote") {
    return { status: "quoted" as const, values, offer: await quoteFromForm(api, form, values, currency) };
  }
  const idempotencyKey = String(form.get("idempotencyKey") ?? "");
  let order: Awaited<ReturnType<typeof placeOrderFromForm>>;
  try {
    order = await placeOrderFromForm(api, form, checkoutDetails(values, { idempotencyKey, currency, locale }));
  } catch (error) {
    // Unexpected (a gateway timeout, a lost connection): the order may be placed and the card
    // charged, so the form keeps its key and sending it again resumes that very order.
    const failure = apiFailure(error) ?? { code: "INTERNAL" as const, status: 500, invalidFields: [] };
    const unexpected = failure.code === "INTERNAL";
    return data(
      {
        status: "failed" as const,
        code: failure.code,
        problems: checkoutProblems(failure.invalidFields, values),
        values,
        // The options may have changed (a rate withdrawn, the cart repriced): show the current ones.
        offer: await quoteFromForm(api, form, values, currency),
        // An expected failure wrote nothing or cancelled its order: reusing its key would return that order.
        idempotencyKey: unexpected ? idempotencyKey : crypto.randomUUID(),
      },
      { status: failure.status },
    );
  }
  // Thrown, not returned: with single fetch a returned redirect would widen the action's data type.
  throw redirect(orderStatusPath(order, params.lang));
}

export default function Checkout() {
  const loaded = useLoaderData<typeof loader>();
  const { line, summary, cart, locale, currency, idempotencyKey, prefill } = loaded;
  const result = useActionData<typeof action>();
  const requote = useFetcher<typeof action>();
  const postalCodeFill = usePostalCodeFill();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { pathname, search } = useLocation();
  const offer = requote.data?.offer ?? result?.offer ?? loaded.offer;
  const values = result?.values;
  const failed = result?.status === "failed" ? result : null;
  const { fieldError } = useFormFailure(failed);
  const [method, setMethod] = useState(values?.paymentMethod || offer?.paymentMethods[0] || "");
  const [installments, setInstallments] = useState(Number(values?.installments) || 1);
  const money = (amount: bigint) => formatMoney(amount, currency, locale);
  const hydrated = useHydrated();
  const submit = useSubmit();
  const cardForm = useRef<CardFormHandle>(null);
  const [tokenizing, setTokenizing] = useState(false);
  const [cardError, setCardError] = useState<string | null>(null);
  const checkoutForm = useRef<HTMLFormElement>(null);
  const [card, setCard] = useState<{ brand: string; bin: string } | null>(null);

  if (cart && !cart.readyForCheckout) {
    // Empty, or a line that can't be bought as it stands: the cart page says which and lets the shopper fix it.
    return (
      <section className="checkout" aria-labelledby="checkout-title">
        <h1 id="checkout-title">{t("storefront.checkout")}</h1>
        <p className="notice">{cart.lines.length ? t("cart.fixProblems") : t("cart.empty")}</p>
        <Link to={localePath("/cart")}>{t("checkout.reviewCart")}</Link>
      </section>
    );
  }

  const formAction = `${pathname}${search}`;
  const field = (name: CheckoutField, label: string, props: Omit<FieldProps, "name" | "label"> = {}) => (
    <Field
      name={name}
      label={label}
      defaultValue={values?.[name] ?? prefill[name] ?? ""}
      error={fieldError(name)}
      {...props}
    />
  );
  // With JavaScript, a new country or shipping choice asks for new options without leaving the page,
  // and a Brazilian CEP fills the parts of the address still empty.
  const requoteOnChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "postalCode") void postalCodeFill.fillFromPostalCode(event.currentTarget);
    const countryTyped = target.name === "country" && /^[A-Za-z]{2}$/.test(target.value);
    if (!countryTyped && target.name !== "shippingRateId") return;
    const formData = new FormData(event.currentTarget);
    formData.set("intent", "quote");
    requote.submit(formData, { method: "post", action: formAction });
  };
  // A card whose BIN names it: a provider that prices installments itself offers its plans for it.
  const priceCard = (next: { brand: string; bin: string } | null) => {
    setCard(next);
    if (!checkoutForm.current) return;
    const formData = new FormData(checkoutForm.current);
    formData.set("intent", "quote");
    formData.set("cardBrand", next?.brand ?? "");
    formData.set("cardBin", next?.bin ?? "");
    requote.submit(formData, { method: "post", action: formAction });
  };
  const plan = method === "card" ? (offer?.installments.find((candidate) => candidate.count === installments) ?? null) : null;
  // A card typed into the provider's fields becomes a token first; then the order is placed with it.
  const placeWithCardToken = (event: FormEvent<HTMLFormElement>) => {
    const card = cardForm.current;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (method !== "card" || !card || submitter?.getAttribute("value") === "quote") return;
    event.preventDefault();
    if (tokenizing) return;
    const form = new FormData(event.currentTarget, submitter);
    setTokenizing(true);
    setCardError(null);
    void card
      .tokenize(form)
      .then((result) => {
        if ("error" in result) return setCardError(result.error);
        for (const [name, value] of Object.entries(result.fields)) form.set(name, value);
        submit(form, { method: "post", action: formAction });
      })
      .finally(() => setTokenizing(false));
  };

  return (
    <section className="checkout" aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t("storefront.checkout")}</h1>
      {summary ? (
        <section className="order-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("storefront.orderSummary")}</h2>
          <p>
            {summary.quantity} × {summary.productTitle}
            {summary.variantTitle !== summary.productTitle ? ` (${summary.variantTitle})` : ""}
          </p>
          <p className="price">
            {t("checkout.subtotal")}: {summary.total === null ? t("storefront.priceUnavailable") : money(summary.total)}
          </p>
        </section>
      ) : null}
      {cart ? <CartSummary cart={cart} locale={locale} /> : null}

      {/* The explicit action keeps the line in the URL, so the loader can render the page again. */}
      <Form ref={checkoutForm} method="post" action={formAction} className="checkout-form" onChange={requoteOnChange} onSubmit={placeWithCardToken}>
        {/* A conflict means prices (or the cart's lines) changed since this page was shown; the summary above is already the new one. */}
        <FormError
          message={failed ? (failed.code === "CONFLICT" ? t(cart ? "checkout.cartChanged" : "checkout.priceChanged") : t(`errors.${failed.code}`)) : null}
        />
        <input type="hidden" name="idempotencyKey" value={failed?.idempotencyKey ?? idempotencyKey} />
        {/* Kept for later quotes (a new shipping choice): the installment plans stay the card's. */}
        {card ? (
          <>
            <input type="hidden" name="cardBrand" value={card.brand} />
            <input type="hidden" name="cardBin" value={card.bin} />
          </>
        ) : null}
        {line ? (
          <>
            <input type="hidden" name="variant" value={line.variantId} />
            <input type="hidden" name="qty" value={line.quantity} />
            {summary?.total != null ? <input type="hidden" name="expectedSubtotal" value={summary.total.toString()} /> : null}
          </>
        ) : (
          <input type="hidden" name="expectedSubtotal" value={cart?.subtotal.toString()} />
        )}
        <fieldset>
          <legend>{t("storefront.contact")}</legend>
          {field("email", t("common.email"), { type: "email", autoComplete: "email", required: true })}
          {field("name", t("common.name"), { autoComplete: "name", required: true })}
        </fieldset>
        <fieldset>
          <legend>{t("storefront.shippingAddress")}</legend>
          {field("line1", t("storefront.addressLine1"), { autoComplete: "address-line1", required: true })}
          {field("number", t("storefront.addressNumber"))}
          {field("city", t("storefront.city"), { autoComplete: "address-level2", required: true })}
          {field("region", t("storefront.region"), { autoComplete: "address-level1", required: true })}
          {field("postalCode", t("storefront.postalCode"), { autoComplete: "postal-code", required: true })}
          {field("country", t("storefront.country"), { autoComplete: "country", required: true, maxLength: 2, hint: t("storefront.countryHint") })}
          {field("taxId", t("checkout.taxId"), { inputMode: "numeric", maxLength: 32, hint: t("checkout.taxIdHint") })}
          {postalCodeFill.status}
        </fieldset>
        <ShippingOptions offer={offer} money={money} error={fieldError("shippingRateId")} />
        {offer?.paymentMethods.length ? (
          <PaymentOptions
            offer={offer}
            method={method}
            installments={installments}
            onMethodChange={setMethod}
            onInstallmentsChange={setInstallments}
            money={money}
            cardForm={
              offer.cardForm && hydrated ? (
                <CardForm
                  ref={cardForm}
                  config={offer.cardForm}
                  amount={plan?.total ?? offer.subtotal + (offer.shipping?.amount ?? 0n)}
                  currency={currency}
                  locale={locale}
                  onCardChange={priceCard}
                />
              ) : null
            }
            error={cardError ?? fieldError("paymentMethod") ?? fieldError("installments") ?? (fieldError("cardToken") ? t("checkout.card.needsDetails") : undefined)}
          />
        ) : null}
        {offer ? <CheckoutTotals offer={offer} plan={plan} money={money} /> : null}
        {offer?.sandbox ? <p className="notice">{t("storefront.testPaymentNotice")}</p> : null}
        {tokenizing ? <p role="status">{t("checkout.card.checking")}</p> : null}
        <SubmitButton label={t("storefront.placeOrder")} />
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

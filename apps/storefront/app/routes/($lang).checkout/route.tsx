import { apiFailure } from "@primestore/api/remix";
import { formatMoney } from "@primestore/i18n";
import { Field, FormError, RouteError, type FieldProps } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwAsResponse } from "../../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../../lib/cache-headers.ts";
import { parseCartLine } from "../../lib/cart-line.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useLocalePath } from "../../lib/locale-path.ts";
import { loadStorefront } from "../../lib/storefront.server.ts";
import { CartSummary } from "./cart-summary.tsx";
import { checkoutDetails, describeLine, fieldProblems, placeOrderFromForm, readCheckoutForm, type CheckoutField } from "./checkout.server.ts";
import { OrderConfirmation } from "./order-confirmation.tsx";

export const headers = privateNoStoreHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const url = new URL(request.url);
  const formDefaults = {
    locale,
    currency,
    // Minted when the form is rendered: a double submit (or a retry after a lost response) places one order.
    idempotencyKey: crypto.randomUUID(),
    defaultCountry: locale.split("-")[1] ?? "",
  };
  // Buy now names its line in the URL; without one, the shopper checks out their cart.
  if (!url.searchParams.has("variant")) {
    return { ...formDefaults, line: null, summary: null, cart: await api.cart.get({ currency, locale }).catch(throwAsResponse) };
  }
  const line = parseCartLine(url.searchParams.get("variant"), url.searchParams.get("qty"));
  invariantResponse(line, "BAD_REQUEST", 400);
  const slug = url.searchParams.get("product");
  return { ...formDefaults, line, summary: slug ? await describeLine(api, slug, line, currency, locale) : null, cart: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const form = await request.formData();
  const idempotencyKey = String(form.get("idempotencyKey") ?? "");
  const values = readCheckoutForm(form);
  try {
    const order = await placeOrderFromForm(api, form, checkoutDetails(values, { idempotencyKey, currency, locale }));
    return { status: "placed" as const, order };
  } catch (error) {
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    return data(
      {
        status: "failed" as const,
        code: failure.code,
        problems: fieldProblems(failure.invalidFields, values),
        values,
        // A failed attempt wrote nothing or cancelled its order; reusing its key would return that order.
        idempotencyKey: crypto.randomUUID(),
      },
      { status: failure.status },
    );
  }
}

export default function Checkout() {
  const { line, summary, cart, locale, currency, idempotencyKey, defaultCountry } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { pathname, search } = useLocation();
  const submitting = useNavigation().state === "submitting";
  if (result?.status === "placed") return <OrderConfirmation order={result.order} locale={locale} />;
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

  const failed = result?.status === "failed" ? result : null;
  const field = (name: CheckoutField, label: string, props: Omit<FieldProps, "name" | "label"> = {}) => {
    const problem = failed?.problems[name];
    return (
      <Field
        name={name}
        label={label}
        defaultValue={failed?.values[name] ?? (name === "country" ? defaultCountry : "")}
        error={problem ? t(`forms.${problem}`) : undefined}
        {...props}
      />
    );
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
            {t("storefront.total")}: {summary.total === null ? t("storefront.priceUnavailable") : formatMoney(summary.total, currency, locale)}
          </p>
        </section>
      ) : null}
      {cart ? <CartSummary cart={cart} locale={locale} /> : null}

      {/* The explicit action keeps the line in the URL, so the loader can render the page again. */}
      <Form method="post" action={`${pathname}${search}`} className="checkout-form">
        {/* From a cart, a conflict means its prices or lines changed since this page was shown; the summary above is already the new one. */}
        <FormError message={failed ? (cart && failed.code === "CONFLICT" ? t("checkout.cartChanged") : t(`errors.${failed.code}`)) : null} />
        <input type="hidden" name="idempotencyKey" value={failed?.idempotencyKey ?? idempotencyKey} />
        {line ? (
          <>
            <input type="hidden" name="variant" value={line.variantId} />
            <input type="hidden" name="qty" value={line.quantity} />
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
        </fieldset>
        <p className="notice">{t("storefront.testPaymentNotice")}</p>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.loading") : t("storefront.placeOrder")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

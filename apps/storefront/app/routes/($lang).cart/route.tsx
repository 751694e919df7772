import { apiFailure } from "@primestore/api/remix";
import { formatMoney, isLocale, translator } from "@primestore/i18n";
import { FormError, RouteError } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { throwAsResponse } from "../../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../../lib/cache-headers.ts";
import { MAX_CART_LINES, MAX_QUANTITY } from "../../lib/cart-line.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useLocalePath } from "../../lib/locale-path.ts";
import { seoContextOf } from "../../lib/seo.ts";
import { loadStorefront } from "../../lib/storefront.server.ts";
import { applyCartChange, readCartChange } from "./cart-change.server.ts";
import { CartLineItem } from "./cart-line-item.tsx";

export const headers = privateNoStoreHeaders;

// robots.txt keeps crawlers out; the title is for the shopper's tab and screen reader.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data || !isLocale(data.locale)) return [];
  return [{ title: [translator(data.locale)("cart.title"), seoContextOf(matches)?.storeName].filter(Boolean).join(" · ") }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale, currency } = await loadStorefront(request, params);
  const cart = await api.cart.get({ currency, locale }).catch(throwAsResponse);
  return { cart, locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers, locale, currency } = await loadStorefront(request, params);
  const change = readCartChange(await request.formData());
  invariantResponse(change, "BAD_REQUEST", 400);
  try {
    await applyCartChange(api, change, { currency, locale });
  } catch (error) {
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    return data({ code: failure.code, variantId: change.variantId }, { status: failure.status, headers });
  }
  // Post/redirect/get: reloading the cart shows it rather than repeating the change. The
  // headers carry the new cart's cookie after a guest's first add.
  return redirect(params.lang ? `/${params.lang}/cart` : "/cart", { headers });
}

/** Going over a line or cart limit is the one validation failure a shopper can cause from these forms. */
function changeErrorMessage(t: TFunction, code: string): string {
  return code === "VALIDATION" ? t("cart.limitReached", { maxQuantity: MAX_QUANTITY, maxLines: MAX_CART_LINES }) : t(`errors.${code}`);
}

export default function CartPage() {
  const { cart, locale } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const money = (amount: number | bigint) => formatMoney(amount, cart.currency, locale);
  const error = failed ? changeErrorMessage(t, failed.code) : null;
  // A failed change to a line shows on that line; an add of something not in the cart, on top.
  const failedLine = failed && cart.lines.some((line) => line.variantId === failed.variantId) ? failed.variantId : null;
  return (
    <section className="cart" aria-labelledby="cart-title">
      <h1 id="cart-title">{t("cart.title")}</h1>
      <FormError message={failedLine ? null : error} />
      {cart.lines.length === 0 ? (
        <>
          <p>{t("cart.empty")}</p>
          <Link to={localePath("/")}>{t("storefront.continueShopping")}</Link>
        </>
      ) : (
        <>
          <ul className="cart-lines">
            {cart.lines.map((line) => (
              <li key={line.variantId}>
                <CartLineItem line={line} money={money} error={line.variantId === failedLine ? error : null} />
              </li>
            ))}
          </ul>
          <p className="price cart-subtotal">
            {t("cart.subtotal")}: {money(cart.subtotal)}
          </p>
          {cart.readyForCheckout ? (
            <Link to={localePath("/checkout")} className="button-link">
              {t("cart.checkout")}
            </Link>
          ) : (
            <p className="notice">{t("cart.fixProblems")}</p>
          )}
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

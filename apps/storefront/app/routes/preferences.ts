import { CURRENCY_COOKIE, LANG_COOKIE, preferenceCookie } from "@primestore/api/remix";
import { SUPPORTED_LOCALES } from "@primestore/i18n";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "../lib/http.server.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

/** `/en/products/x` -> `/products/x`: a language prefix would outrank the cookie just set. */
function withoutLocalePrefix(path: string): string {
  const [, first = "", ...rest] = path.split("/");
  return (SUPPORTED_LOCALES as readonly string[]).includes(first) ? `/${rest.join("/")}` : path;
}

/** Language and currency switchers post here; values the store doesn't offer are ignored. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { tenant } = await loadStorefront(request, params);
  const form = await request.formData();
  const lang = form.get("lang");
  const currency = form.get("currency");
  let redirectTo = safeRedirect(form.get("redirectTo"));
  const headers = new Headers();
  if (typeof lang === "string" && tenant.locales.includes(lang)) {
    headers.append("Set-Cookie", preferenceCookie(LANG_COOKIE, lang));
    redirectTo = withoutLocalePrefix(redirectTo);
  }
  if (typeof currency === "string" && tenant.currencies.includes(currency)) {
    headers.append("Set-Cookie", preferenceCookie(CURRENCY_COOKIE, currency));
  }
  return redirect(redirectTo, { headers });
}

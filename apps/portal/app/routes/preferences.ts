import { LANG_COOKIE, preferenceCookie } from "@primestore/api/remix";
import { isLocale } from "@primestore/i18n";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "../lib/http.server.ts";

/** The language switcher posts here; an unknown language is ignored. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const headers = new Headers();
  if (isLocale(lang)) headers.append("Set-Cookie", preferenceCookie(LANG_COOKIE, lang));
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}

import { LANG_COOKIE, readPreference } from "@primestore/api/remix";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, detectLocale } from "@primestore/i18n";

/** Sellers choose among every language we ship: cookie first, then the browser, then pt-BR. */
export function portalLocale(request: Request) {
  return detectLocale({ cookie: readPreference(request, LANG_COOKIE), acceptLanguage: request.headers.get("accept-language") }, SUPPORTED_LOCALES, DEFAULT_LOCALE);
}

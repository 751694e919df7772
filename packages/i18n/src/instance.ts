import i18next, { type i18n, type TFunction } from "i18next";
import { DEFAULT_LOCALE, resources, type Locale } from "./resources.ts";

const i18nResources = Object.fromEntries(
  Object.entries(resources).map(([locale, translation]) => [locale, { translation }]),
);

/** A fresh, synchronously initialised instance: one per request on the server, one in the browser. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: i18nResources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const fixed = new Map<Locale, TFunction>();

/** A cached translator for server-side text (emails, error messages). */
export function translator(locale: Locale): TFunction {
  let t = fixed.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    fixed.set(locale, t);
  }
  return t;
}

import i18next, { type i18n, type TFunction } from "i18next";
import { DEFAULT_LOCALE, resources, type Locale } from "./resources.ts";

const i18nResources = Object.fromEntries(
  Object.entries(resources).map(([locale, translation]) => [locale, { translation }]),
);

const instances = new Map<Locale, i18n>();

/**
 * The synchronously initialised instance for a locale, one per process and locale: nothing ever
 * changes an instance's language (a new locale takes its own instance), so requests can share it,
 * and rendering doesn't pay to build one from every resource each time.
 */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance(locale);
    instances.set(locale, instance);
  }
  return instance;
}

function createInstance(locale: Locale): i18n {
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

/** A translator for server-side text (emails, error messages, page titles). */
export function translator(locale: Locale): TFunction {
  return i18nFor(locale).t;
}

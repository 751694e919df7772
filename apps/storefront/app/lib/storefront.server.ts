import { CURRENCY_COOKIE, LANG_COOKIE, apiFailure, readPreference } from "@primestore/api/remix";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, detectLocale } from "@primestore/i18n";
import type { ErrorPayload } from "@primestore/ui";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { serverApi } from "./api.server.ts";
import { invariantResponse } from "./http.server.ts";

/** An unknown or suspended store is a page of its own (404/403), not a crash. */
function throwStoreUnavailable(error: unknown, request: Request): never {
  const failure = apiFailure(error);
  if (failure?.code !== "TENANT_NOT_FOUND" && failure?.code !== "TENANT_SUSPENDED") throw error;
  // No store, so no store languages: any language we have is better than a fixed one.
  const locale = detectLocale(
    { cookie: readPreference(request, LANG_COOKIE), acceptLanguage: request.headers.get("accept-language") },
    SUPPORTED_LOCALES,
    DEFAULT_LOCALE,
  );
  throw data({ code: failure.code, host: new URL(request.url).hostname, locale } satisfies ErrorPayload, { status: failure.status });
}

/**
 * Everything a storefront loader or action starts from: the tenant of the Host header, the
 * visitor's language (URL prefix, cookie, Accept-Language) and currency, both limited to what
 * the store offers. Every route calls it because Remix runs loaders in parallel; the tenant
 * lookup is cached by the API's resolver.
 */
export async function loadStorefront(request: Request, params: LoaderFunctionArgs["params"]) {
  const { api, headers } = await serverApi(request);
  const tenant = await api.tenants.current().catch((error: unknown) => throwStoreUnavailable(error, request));
  const locale = detectLocale(
    { pathPrefix: params.lang, cookie: readPreference(request, LANG_COOKIE), acceptLanguage: request.headers.get("accept-language") },
    tenant.locales,
    tenant.defaultLocale,
  );
  // A language prefix this store doesn't offer names no page (and must not duplicate every URL).
  invariantResponse(params.lang === undefined || params.lang === locale, "NOT_FOUND", 404, { locale });
  const requestedCurrency = readPreference(request, CURRENCY_COOKIE);
  const currency = requestedCurrency && tenant.currencies.includes(requestedCurrency) ? requestedCurrency : tenant.defaultCurrency;
  return { api, headers, tenant, locale, currency };
}

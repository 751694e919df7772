import { readCookie, serializeCookie } from "../cookies.ts";

export const LANG_COOKIE = "lang";
export const CURRENCY_COOKIE = "currency";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** A mangled value (bad percent-encoding) counts as no preference rather than failing the page. */
export function readPreference(request: Request, name: string): string | null {
  try {
    return readCookie(request.headers.get("cookie"), name);
  } catch {
    return null;
  }
}

/** A plain value (no signature): preferences are not secrets, and every reader re-validates them. */
export function preferenceCookie(name: string, value: string): string {
  return serializeCookie(name, value, { maxAgeSeconds: ONE_YEAR_SECONDS });
}

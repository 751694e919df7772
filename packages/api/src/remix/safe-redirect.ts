/** Stands for "this site" while a target is judged; no request ever goes there. */
const THIS_SITE = "http://this-site.invalid";

/**
 * A `redirectTo` from a form or query string, if it stays on this site, else `fallback`. The
 * target is judged as a browser will read it: browsers drop tabs and newlines and take `\` for
 * `/`, so `/\t/evil.example` and `/\evil.example` lead to another host; such targets are refused
 * outright, and what is left must resolve to this site.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  const url = new URL(target, THIS_SITE);
  return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

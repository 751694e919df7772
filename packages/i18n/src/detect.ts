import { isLocale, type Locale } from "./resources.ts";

export interface LocaleSources {
  /** First path segment, e.g. "en" in /en/products. */
  pathPrefix?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((param) => param.trim().startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

function match(tag: string, enabled: readonly Locale[]): Locale | undefined {
  const lower = tag.toLowerCase();
  return (
    enabled.find((locale) => locale.toLowerCase() === lower) ??
    enabled.find((locale) => locale.split("-")[0]!.toLowerCase() === lower.split("-")[0])
  );
}

/** URL prefix, then cookie, then Accept-Language, limited to what the store has enabled. */
export function detectLocale(sources: LocaleSources, enabled: readonly string[], fallback: string): Locale {
  const allowed = enabled.filter(isLocale);
  const candidates = [sources.pathPrefix, sources.cookie, ...parseAcceptLanguage(sources.acceptLanguage ?? "")];
  for (const candidate of candidates) {
    const found = candidate ? match(candidate, allowed) : undefined;
    if (found) return found;
  }
  return isLocale(fallback) ? fallback : (allowed[0] ?? "pt-BR");
}

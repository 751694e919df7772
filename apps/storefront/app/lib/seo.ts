import type { MetaDescriptor } from "@remix-run/node";

/** What every page's head needs to know about the store and the request (from the root loader). */
export interface SeoContext {
  origin: string;
  /** The request path without its language prefix: the same page in every language. */
  path: string;
  locale: string;
  defaultLocale: string;
  locales: string[];
  storeName: string;
}

/** Child routes build their head from what the root loader knew about the store and request. */
export function seoContextOf(matches: ReadonlyArray<{ id: string; data: unknown }>): SeoContext | undefined {
  return (matches.find((match) => match.id === "root")?.data as { seo?: SeoContext } | undefined)?.seo;
}

/** The default language lives at the bare path; the others under their prefix. */
export function localizedUrl(seo: Pick<SeoContext, "origin" | "defaultLocale">, locale: string, path: string): string {
  const prefix = locale === seo.defaultLocale ? "" : `/${locale}`;
  return `${seo.origin}${prefix}${path === "/" && prefix ? "" : path}`;
}

/** The path of a request with its language prefix removed. */
export function unprefixedPath(pathname: string, lang: string | undefined): string {
  if (!lang) return pathname;
  const rest = pathname.slice(lang.length + 1);
  return rest === "" ? "/" : rest;
}

export function plainText(html: string, maxLength = 160): string {
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

export interface PageSeo {
  title: string;
  description: string;
  /** Absolute http(s) URL; inline images can't be shared. */
  image?: string | null;
  type?: "website" | "product";
  extra?: MetaDescriptor[];
}

/**
 * Title, description, canonical, hreflang alternates, Open Graph and Twitter tags for a page.
 * Remix replaces parent meta with the child's, so each page returns the whole set.
 */
export function pageMeta(seo: SeoContext | undefined, page: PageSeo): MetaDescriptor[] {
  const base: MetaDescriptor[] = [{ title: page.title }, { name: "description", content: page.description }];
  if (!seo) return base;
  const url = localizedUrl(seo, seo.locale, seo.path);
  const image = page.image && /^https?:\/\//.test(page.image) ? page.image : null;
  return [
    ...base,
    { tagName: "link", rel: "canonical", href: url },
    ...seo.locales.map((locale) => ({ tagName: "link", rel: "alternate", hrefLang: locale, href: localizedUrl(seo, locale, seo.path) })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: localizedUrl(seo, seo.defaultLocale, seo.path) },
    { property: "og:site_name", content: seo.storeName },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:url", content: url },
    { property: "og:locale", content: seo.locale.replace("-", "_") },
    ...(image ? [{ property: "og:image", content: image }] : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    ...(page.extra ?? []),
  ];
}

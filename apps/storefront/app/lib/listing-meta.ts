import { DEFAULT_LOCALE, isLocale, translator } from "@primestore/i18n";
import type { MetaDescriptor } from "@remix-run/node";
import { localizedUrl, pageMeta, type PageSeo, type SeoContext } from "./seo.ts";

/**
 * A listing page's head: each page number is its own canonical URL (its products differ), linked
 * to its neighbours with rel=prev/next; sorted and filtered variants point at the plain page.
 */
export function listingMeta(seo: SeoContext | undefined, page: PageSeo, position: { page: number; pageCount: number }): MetaDescriptor[] {
  const t = translator(isLocale(seo?.locale) ? seo.locale : DEFAULT_LOCALE);
  const title = position.page > 1 ? t("catalog.pageTitle", { title: page.title, page: position.page }) : page.title;
  const meta = pageMeta(seo, { ...page, title });
  if (!seo) return meta;
  const base = localizedUrl(seo, seo.locale, seo.path);
  const at = (number: number) => (number > 1 ? `${base}?page=${number}` : base);
  return [
    ...meta.map((descriptor) => ("rel" in descriptor && descriptor.rel === "canonical" ? { ...descriptor, href: at(position.page) } : descriptor)),
    ...(position.page > 1 ? [{ tagName: "link", rel: "prev", href: at(position.page - 1) }] : []),
    ...(position.page < position.pageCount ? [{ tagName: "link", rel: "next", href: at(position.page + 1) }] : []),
  ];
}

/** A category's or a collection's head: its name with the store's, for every page of its listing. */
export function namedListingMeta(seo: SeoContext | undefined, name: string, data: { locale: string; storeName: string; listing: { page: number; pageCount: number } }): MetaDescriptor[] {
  const t = translator(isLocale(data.locale) ? data.locale : DEFAULT_LOCALE);
  return listingMeta(seo, { title: `${name} · ${data.storeName}`, description: t("catalog.categoryDescription", { name, store: data.storeName }) }, data.listing);
}

import { isLocale, translator } from "@primestore/i18n";
import type { MetaFunction } from "@remix-run/node";
import { seoContextOf } from "./seo.ts";

/** Account pages: a title for the tab and screen readers, and nothing for search engines. */
export function privatePageMeta(titleKey: string): MetaFunction {
  return ({ matches }) => {
    const seo = seoContextOf(matches);
    if (!seo || !isLocale(seo.locale)) return [];
    return [{ title: `${translator(seo.locale)(titleKey)} · ${seo.storeName}` }, { name: "robots", content: "noindex" }];
  };
}

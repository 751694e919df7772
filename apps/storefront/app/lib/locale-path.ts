import { useParams } from "@remix-run/react";
import { useCallback } from "react";

/** `path` under the language prefix the visitor came in on (`/en/...`), for links and redirects. */
export function localeHref(lang: string | undefined, path: string): string {
  return lang ? `/${lang}${path === "/" ? "" : path}` : path;
}

/** Keeps a visitor on the language prefix they came in on when following links. */
export function useLocalePath() {
  const { lang } = useParams();
  return useCallback((path: string) => localeHref(lang, path), [lang]);
}

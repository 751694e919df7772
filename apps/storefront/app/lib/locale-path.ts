import { useParams } from "@remix-run/react";
import { useCallback } from "react";

/** Keeps a visitor on the language prefix they came in on (`/en/...`) when following links. */
export function useLocalePath() {
  const { lang } = useParams();
  return useCallback((path: string) => (lang ? `/${lang}${path === "/" ? "" : path}` : path), [lang]);
}

import { en } from "./locales/en.ts";
import { es } from "./locales/es.ts";
import { ptBR } from "./locales/pt-BR.ts";

/** pt-BR is the source of truth: the other locales must provide every key it has. */
export type Resources = typeof ptBR;

export const SUPPORTED_LOCALES = ["pt-BR", "en", "es"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "pt-BR";

export const resources: Record<Locale, Resources> = { "pt-BR": ptBR, en, es };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** A category's or collection's name in `locale`: its translation, else the default-locale name. */
export function localizedName(row: { name: string; translations: unknown }, locale: string): string {
  const translations = row.translations as Record<string, unknown> | null;
  const translated = translations?.[locale];
  return typeof translated === "string" && translated.trim() ? translated : row.name;
}

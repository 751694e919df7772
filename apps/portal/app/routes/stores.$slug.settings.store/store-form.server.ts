/** The store settings form as typed: the API validates it and names the fields it refuses. */
export function readStoreForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const optional = (name: string) => text(name) || undefined;
  return {
    name: text("name"),
    branding: { logoUrl: optional("logoUrl"), primaryColor: optional("primaryColor"), accentColor: optional("accentColor") },
    locales: form.getAll("locales").map(String),
    defaultLocale: text("defaultLocale"),
    currencies: form.getAll("currencies").map(String),
    defaultCurrency: text("defaultCurrency"),
  };
}

export type StoreFormValues = ReturnType<typeof readStoreForm>;

import { describe, expect, it } from "vitest";
import { readStoreForm } from "./store-form.server.ts";

describe("the store settings form", () => {
  it("reads lists from checkboxes and leaves empty look fields unset", () => {
    const form = new FormData();
    form.set("name", "  Aurora  ");
    form.set("primaryColor", "#112233");
    form.set("logoUrl", " ");
    for (const locale of ["pt-BR", "en"]) form.append("locales", locale);
    form.set("defaultLocale", "pt-BR");
    form.append("currencies", "BRL");
    form.set("defaultCurrency", "BRL");
    expect(readStoreForm(form)).toEqual({
      name: "Aurora",
      branding: { logoUrl: undefined, primaryColor: "#112233", accentColor: undefined },
      locales: ["pt-BR", "en"],
      defaultLocale: "pt-BR",
      currencies: ["BRL"],
      defaultCurrency: "BRL",
    });
  });
});

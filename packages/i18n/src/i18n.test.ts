import { describe, expect, it } from "vitest";
import { detectLocale, formatMoney, minorToDecimalString, resources, translator } from "./index.ts";

function keysOf(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === "object" && child ? keysOf(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("resources", () => {
  it("gives every locale every key, none empty", () => {
    const reference = keysOf(resources["pt-BR"]).sort();
    for (const [locale, translation] of Object.entries(resources)) {
      expect(keysOf(translation).sort(), locale).toEqual(reference);
      for (const key of reference) expect(translator(locale as "en")(key), `${locale}:${key}`).not.toBe("");
    }
  });

  it("interpolates", () => {
    expect(translator("es")("storefront.orderNumber", { number: 7 })).toBe("Pedido n.º 7");
  });
});

describe("detectLocale", () => {
  const enabled = ["pt-BR", "en"];
  it("prefers the URL prefix, then cookie, then Accept-Language", () => {
    expect(detectLocale({ pathPrefix: "en", cookie: "pt-BR" }, enabled, "pt-BR")).toBe("en");
    expect(detectLocale({ cookie: "en", acceptLanguage: "pt-BR" }, enabled, "pt-BR")).toBe("en");
    expect(detectLocale({ acceptLanguage: "fr;q=0.9, en-US;q=0.8" }, enabled, "pt-BR")).toBe("en");
  });
  it("never picks a locale the store has not enabled", () => {
    expect(detectLocale({ pathPrefix: "es", acceptLanguage: "es" }, enabled, "pt-BR")).toBe("pt-BR");
  });
});

describe("money", () => {
  it("converts minor units exactly, including huge sums", () => {
    expect(minorToDecimalString(5n, "BRL")).toBe("0.05");
    expect(minorToDecimalString(-12345n, "USD")).toBe("-123.45");
    expect(minorToDecimalString(900719925474099312n, "EUR")).toBe("9007199254740993.12");
    expect(minorToDecimalString(500n, "JPY")).toBe("500");
  });
  it("formats for the locale", () => {
    expect(formatMoney(129990n, "BRL", "pt-BR")).toBe("R$\u00a01.299,90");
    expect(formatMoney(4999, "USD", "en")).toBe("$49.99");
    expect(formatMoney(1050, "EUR", "es")).toMatch(/^10,50\s€$/);
  });
});

import { describe, expect, it } from "vitest";
import { parseCheckoutSettings, paymentExpiry, paymentMethodsFor } from "./checkout-settings.ts";

describe("checkout settings", () => {
  it("gives a working checkout from an empty object, and from a malformed one", () => {
    const defaults = { paymentMethods: ["card"], installments: { max: 1, interestFree: 1, monthlyInterestBps: 0 }, pixExpiryMinutes: 30, boletoDueDays: 3, cardHoldMinutes: 15, providers: { pix: "test", boleto: "test", card: "test" } };
    expect(parseCheckoutSettings({})).toEqual(defaults);
    expect(parseCheckoutSettings({ paymentMethods: ["cash"] })).toEqual(defaults);
  });

  it("offers PIX and boleto in reais only, and only what the provider supports", () => {
    const settings = parseCheckoutSettings({ paymentMethods: ["pix", "boleto", "card"] });
    const all = { test: { methods: ["pix", "boleto", "card"] as const } };
    expect(paymentMethodsFor(settings, "BRL", all)).toEqual(["pix", "boleto", "card"]);
    expect(paymentMethodsFor(settings, "USD", all)).toEqual(["card"]);
    expect(paymentMethodsFor(settings, "BRL", { test: { methods: ["card"] } })).toEqual(["card"]);
  });

  it("offers a method only when its chosen provider is usable for the store", () => {
    const settings = parseCheckoutSettings({ paymentMethods: ["pix", "card"], providers: { pix: "mercadopago", card: "stripe" } });
    const test = { methods: ["pix", "boleto", "card"] as const };
    expect(paymentMethodsFor(settings, "BRL", { test })).toEqual([]);
    expect(paymentMethodsFor(settings, "BRL", { test, stripe: { methods: ["card"] } })).toEqual(["card"]);
    expect(paymentMethodsFor(settings, "BRL", { test, stripe: { methods: ["card"] }, mercadopago: { methods: ["pix", "boleto", "card"] } })).toEqual(["pix", "card"]);
  });

  it("expires PIX after its minutes, cards after the hold, and boletos at the end of their Brazilian due day", () => {
    const settings = parseCheckoutSettings({ pixExpiryMinutes: 30, boletoDueDays: 3 });
    const now = new Date("2026-11-29T02:30:00Z"); // still the 28th in Brazil
    expect(paymentExpiry("pix", settings, now).toISOString()).toBe("2026-11-29T03:00:00.000Z");
    expect(paymentExpiry("card", settings, now).toISOString()).toBe("2026-11-29T02:45:00.000Z");
    expect(paymentExpiry("boleto", settings, now).toISOString()).toBe("2026-12-02T02:59:59.999Z");
  });
});

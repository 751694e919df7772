import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../browser.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

/**
 * Header preference forms have an explicit Apply button each. The reloaded page is recognised by
 * the server marking the new value selected (`defaultSelected`, which picking an option doesn't set).
 */
async function applyPreference(page: Page, label: string, value: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.selectOption(value);
  await page.locator("form.preference-form").filter({ has: select }).getByRole("button").click();
  await page.waitForFunction(
    (expected) => Array.from(document.querySelectorAll<HTMLOptionElement>(`form.preference-form option[value="${expected}"]`)).some((option) => option.defaultSelected),
    value,
  );
}

describe.runIf(run)("language and currency switch", () => {
  it("switches the store's language and currency and remembers them", async () => {
    const page = await session.newPage({ locale: "pt-BR" });
    const productUrl = session.platform.storeUrl("aurora", "/products/camiseta-algodao-organico");
    await page.goto(productUrl);
    expect(await page.locator("html").getAttribute("lang")).toBe("pt-BR");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Camiseta de algodão orgânico");
    expect(await page.getByText("R$ 89,90").first().isVisible()).toBe(true);

    await applyPreference(page, "Idioma", "en");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Organic cotton T-shirt");
    // The shopper's language changes, the price list doesn't: still reais, written the English way.
    expect(await page.getByText("R$89.90").first().isVisible()).toBe(true);

    await applyPreference(page, "Currency", "USD");
    expect(await page.getByText("$18.90").first().isVisible()).toBe(true);
    await screenshot(page, "preferences-en-usd");

    // Both choices are cookies: a fresh visit to the same store keeps them.
    await page.goto(productUrl);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByText("$18.90").first().isVisible()).toBe(true);

    // A language prefix in the URL outranks the cookie (shared links open in their language).
    await page.goto(session.platform.storeUrl("aurora", "/es/products/camiseta-algodao-organico"));
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Camiseta de algodón orgánico");
    await screenshot(page, "preferences-es-prefix");
  });

  it("offers only the store's own languages and currencies", async () => {
    const page = await session.newPage({ locale: "pt-BR" });
    await page.goto(session.platform.storeUrl("sol"));
    // Sol sells in euros only and speaks es/en: no currency switch, and no Portuguese.
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByLabel("Moneda", { exact: true }).count()).toBe(0);
    const languages = await page.getByLabel("Idioma", { exact: true }).locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(languages.sort()).toEqual(["en", "es"]);
  });
});

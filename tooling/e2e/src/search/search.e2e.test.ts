import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

const newPage = (options: { locale: string; javaScriptEnabled?: boolean }) => session.newPage(options);

describe.runIf(run)("product search", () => {
  it("works without JavaScript: the header form leads to ranked results", async () => {
    const page = await newPage({ locale: "pt-BR", javaScriptEnabled: false });
    await page.goto(session.platform.storeUrl("aurora"));
    await page.getByRole("combobox", { name: "Buscar produtos" }).fill("camizetas");
    await page.getByRole("button", { name: "Buscar" }).click();
    await page.waitForURL(/\/search\?q=camizetas/);
    expect(await page.getByRole("heading", { name: "Resultados para “camizetas”" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Camiseta de algodão orgânico" }).isVisible()).toBe(true);
  });

  it("explains a query it can't search instead of failing", async () => {
    const page = await newPage({ locale: "en" });
    const response = await page.goto(session.platform.storeUrl("summit", "/search?q=%21"));
    expect(response?.status()).toBe(200);
    expect(await page.getByText("Type 2 to 100 characters, with at least one letter or digit.").isVisible()).toBe(true);
  });

  it("suggests while typing, as a combobox driven from the keyboard", async () => {
    const page = await newPage({ locale: "pt-BR" });
    await page.goto(session.platform.storeUrl("aurora"));
    const box = page.getByRole("combobox", { name: "Buscar produtos" });
    await box.pressSequentially("vest");
    const option = page.getByRole("option", { name: "Vestido de linho Aurora" });
    await option.waitFor();
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press("ArrowDown");
    expect(await option.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    await page.keyboard.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");

    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/products\/vestido-linho-aurora/);
    // The home page lists the dress too (as cards): wait for the product page's own title.
    await page.getByRole("heading", { level: 1, name: "Vestido de linho Aurora" }).waitFor();
  });
});

import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

describe.runIf(run)("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const pages: Array<[string, string, string]> = [
    ["home", "aurora", "/"],
    ["product", "aurora", "/products/camiseta-algodao-organico"],
    ["sign-in", "aurora", "/account/sign-in"],
    ["sign-up", "aurora", "/account/sign-up"],
    ["forgot-password", "aurora", "/account/forgot-password"],
    ["order lookup", "aurora", "/order-lookup"],
    ["product with option pickers", "aurora", "/products/jaqueta-jeans"],
    ["listing", "aurora", "/products?f.Tamanho=M&sort=price_asc"],
    ["category", "aurora", "/categories/roupas"],
    ["collection", "aurora", "/collections/novidades"],
  ];

  it.each(pages)("finds no serious or critical violations on the %s page", async (_name, store, path) => {
    const context = await session.browser.newContext({ locale: "pt-BR" });
    try {
      const page = await context.newPage();
      await page.goto(session.platform.storeUrl(store, path));
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("would notice a violation (the check itself works)", async () => {
    const context = await session.browser.newContext();
    try {
      const page = await context.newPage();
      // A static page: nothing (like React hydration) can remove the planted violation.
      await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>');
      expect((await seriousViolations(page)).map((violation) => violation.id)).toContain("image-alt");
    } finally {
      await context.close();
    }
  });

  it("finds none on the checkout form, reached with the keyboard from the product page", async () => {
    const context = await session.browser.newContext({ locale: "en" });
    try {
      const page = await context.newPage();
      await page.goto(session.platform.storeUrl("summit", "/products/merino-beanie"));
      const buy = page.getByRole("button", { name: "Buy now" });
      await buy.focus();
      expect(await buy.evaluate((element) => element === document.activeElement && getComputedStyle(element).outlineStyle !== "none")).toBe(true);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/checkout/);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

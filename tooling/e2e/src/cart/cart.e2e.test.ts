import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { fillCheckout } from "../checkout-form.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

const newPage = (options: { javaScriptEnabled?: boolean } = {}) => session.newPage({ locale: "en", ...options });

async function addToCart(page: Page, productPath: string): Promise<void> {
  await page.goto(session.platform.storeUrl("summit", productPath));
  await Promise.all([page.waitForURL(/\/cart$/), page.getByRole("button", { name: "Add to cart" }).click()]);
}

function cartLine(page: Page, title: string) {
  return page.locator(".cart-lines > li", { hasText: title });
}

describe.runIf(run)("a guest's cart on the en store", () => {
  it("takes two products, changes a quantity, survives a reload and checks out", async () => {
    const page = await newPage();
    await addToCart(page, "/products/merino-beanie");
    await addToCart(page, "/products/trail-backpack-28l");
    await cartLine(page, "Trail backpack 28 L").waitFor();
    expect(await page.locator(".cart-lines > li").count()).toBe(2);
    await page.getByRole("link", { name: "Cart (2)" }).waitFor();

    await cartLine(page, "Trail backpack 28 L").getByLabel("Quantity").fill("2");
    await cartLine(page, "Trail backpack 28 L").getByRole("button", { name: "Update" }).click();
    await page.getByText("Subtotal: $207.00").waitFor();
    await page.getByRole("link", { name: "Cart (3)" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "storefront-cart-en");

    const reloaded = await page.reload();
    expect(reloaded?.headers()["cache-control"]).toBe("private, no-store");
    expect(await page.getByText("Subtotal: $207.00").isVisible()).toBe(true);
    expect(await cartLine(page, "Trail backpack 28 L").getByLabel("Quantity").inputValue()).toBe("2");

    await Promise.all([page.waitForURL(/\/checkout$/), page.getByRole("link", { name: "Go to checkout" }).click()]);
    await page.locator(".order-summary").getByText("Subtotal: $207.00").waitFor();
    await fillCheckout(page, {
      email: "cart-guest@example.com",
      name: "Casey Cart",
      line1: "1 Main St",
      city: "Boulder",
      region: "CO",
      postalCode: "80302",
      country: "US",
    });
    // $207.00 of goods and $9.00 standard shipping in the US.
    await page.locator(".checkout-totals").getByText("$216.00").waitFor();
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("heading", { name: "Order confirmed!" }).waitFor();
    expect(await page.locator(".checkout-totals").getByText("$216.00").isVisible()).toBe(true);
    await page.getByRole("link", { name: "Cart (0)" }).waitFor();

    const order = await session.platform.database.admin.order.findFirstOrThrow({ where: { email: "cart-guest@example.com" }, include: { lines: true } });
    expect(order.total).toBe(21600n);
    expect(order.lines.map((line) => line.quantity).sort()).toEqual([1, 2]);
    await page.goto(session.platform.storeUrl("summit", "/cart"));
    expect(await page.getByText("Your cart is empty.").isVisible()).toBe(true);
  });

  it("works without JavaScript: plain form posts add, update and remove", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await addToCart(page, "/products/merino-beanie");
    const beanie = cartLine(page, "Merino beanie");
    await beanie.getByLabel("Quantity").fill("3");
    await beanie.getByRole("button", { name: "Update" }).click();
    await page.getByText("Subtotal: $87.00").waitFor();

    await beanie.getByLabel("Quantity").fill("41");
    await beanie.getByRole("button", { name: "Update" }).click();
    await page.getByText("Not enough stock for this product.").waitFor();
    expect(await page.getByText("Subtotal: $87.00").isVisible()).toBe(true);

    await beanie.getByRole("button", { name: "Remove" }).click();
    await page.getByText("Your cart is empty.").waitFor();
  });
});

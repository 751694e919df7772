import type { Page } from "playwright-core";

/**
 * The storefront page has started: its header shows the cart count, which only the running page
 * asks for, after React has hydrated.
 */
export async function storefrontStarted(page: Page): Promise<void> {
  await page.locator(".cart-link").filter({ hasText: /\(\d+\)/ }).waitFor();
}

/** Makes the page's later navigations record layout shifts (Chromium's Layout Instability API). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifted: string[] = [];
    // Enough to find the element when a shift is seen once in many runs: its class, name or type, and when.
    const describe = (node: Element, at: number) => {
      const name = node.getAttribute("name") ?? node.getAttribute("type");
      return `${node.tagName.toLowerCase()}.${node.className}${name ? `[${name}]` : ""} at ${Math.round(at)} ms`;
    };
    Object.assign(window, { __layoutShifts: shifted });
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries() as Array<PerformanceEntry & { sources: Array<{ node?: Node }> }>) {
        for (const source of entry.sources) shifted.push(source.node instanceof Element ? describe(source.node, entry.startTime) : String(source.node?.nodeName));
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** What moved on the current page since it loaded: one "tag.class[name] at <ms>" per element that shifted. */
export function layoutShifts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __layoutShifts: string[] }).__layoutShifts);
}

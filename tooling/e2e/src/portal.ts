import type { Page } from "playwright-core";

/** Signs in to the seller portal at `portalUrl` (demo users share the seed's password). */
export async function signInToPortal(page: Page, portalUrl: string, email: string, password = "primestore-demo"): Promise<void> {
  await page.goto(`${portalUrl}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForURL(`${portalUrl}/`), page.click("main form button[type=submit]")]);
}

/** Minor units as the pt-BR portal prints reais, by string arithmetic; Intl's no-break space as a space. */
export function brl(minor: bigint): string {
  const abs = (minor < 0n ? -minor : minor).toString().padStart(3, "0");
  const decimal = `${minor < 0n ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  return new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(decimal as unknown as number).replace(/\u00a0/g, " ");
}

/** An element's text with Intl's no-break spaces as spaces, as `brl` prints amounts. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).textContent()) ?? "").replace(/\u00a0/g, " ").trim();
}

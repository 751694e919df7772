import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { signInToPortal } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

describe.runIf(run)("a seller's store settings", () => {
  it("rename the store and change its colour, which the storefront shows at once; a default language not offered is refused", async () => {
    const page = await session.newPage({ locale: "pt-BR" });
    await signInToPortal(page, session.platform.portalUrl, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/products`);
    await Promise.all([page.waitForURL(/\/settings\/store$/), page.getByRole("navigation", { name: "Seções da loja" }).getByRole("link", { name: "Loja", exact: true }).click()]);
    const form = page.getByRole("form", { name: "Configurações da loja" });

    // Not offering the default language: refused, with the field named.
    await form.getByLabel("Português (Brasil)").uncheck();
    await form.getByRole("button", { name: "Salvar configurações" }).click();
    await page.getByRole("alert").getByText("Confira os campos destacados.", { exact: false }).waitFor();
    expect(await page.getByLabel("Idioma padrão").getAttribute("aria-invalid")).toBe("true");

    await form.getByLabel("Português (Brasil)").check();
    await form.getByLabel("Nome da loja").fill("Aurora Moda & Casa");
    await form.getByLabel("Cor principal").fill("#aa3366");
    await form.getByRole("button", { name: "Salvar configurações" }).click();
    await page.getByRole("status").getByText("Configurações salvas.", { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-store-settings");

    const shopper = await page.context().newPage();
    await shopper.goto(session.platform.storeUrl("aurora", "/"));
    expect(await shopper.title()).toContain("Aurora Moda & Casa");
    expect(await shopper.evaluate(() => document.documentElement.outerHTML)).toContain("#aa3366");
  });
});

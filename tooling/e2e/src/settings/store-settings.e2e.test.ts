import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { brl, signInToPortal } from "../portal.ts";
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

  it("add a shipping rate in reais, edit it, and stop offering it", async () => {
    const page = await session.newPage({ locale: "pt-BR" });
    await signInToPortal(page, session.platform.portalUrl, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/settings/shipping`);
    const form = page.getByRole("form", { name: "Nova tarifa" });
    await form.getByLabel("Nome").fill("Motoboy");
    await form.getByLabel("Preço").fill("15,5");
    await form.getByLabel("Países (códigos", { exact: false }).fill("br");
    await form.getByRole("button", { name: "Adicionar tarifa" }).click();
    await page.getByRole("status").getByText("Tarifa Motoboy salva.").waitFor();
    const row = page.getByRole("row", { name: /Motoboy/ });
    // The table comes with the page's reloaded data, which may follow the status by a moment.
    await row.getByRole("cell", { name: "Oferecida" }).waitFor();
    const cells = (await row.getByRole("cell").allTextContents()).map((cell) => cell.replace(/\u00a0/g, " "));
    expect(cells).toEqual(["Preço fixo", brl(1550n), "BR", "Oferecida", expect.any(String)]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-shipping-rates");

    await row.getByRole("link", { name: "Editar: Motoboy" }).click();
    const edit = page.getByRole("form", { name: "Editar Motoboy" });
    expect(await edit.getByLabel("Preço").inputValue()).toBe("15.50");
    await edit.getByLabel("Preço").fill("abc");
    await edit.getByRole("button", { name: "Salvar tarifa" }).click();
    await page.getByRole("alert").getByText("Confira os campos destacados.").waitFor();
    expect(await edit.getByLabel("Preço").getAttribute("aria-invalid")).toBe("true");
    await edit.getByLabel("Preço").fill("18,00");
    await edit.getByRole("button", { name: "Salvar tarifa" }).click();
    await page.getByRole("status").getByText("Tarifa Motoboy salva.").waitFor();
    await page.getByRole("row", { name: /Motoboy/ }).getByText("R$ 18,00").waitFor();

    await page.getByRole("button", { name: "Parar de oferecer: Motoboy" }).click();
    await page.getByRole("status").getByText("Motoboy não é mais oferecida na compra.").waitFor();
    expect(await session.platform.database.admin.shippingRate.findFirstOrThrow({ where: { name: "Motoboy" } })).toMatchObject({ amount: 1800, active: false, countries: ["BR"] });
  });
});

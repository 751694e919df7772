import { hashPassword, totpCode, totpStep } from "@primestore/core/auth";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { signInToPortal } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;
const PASSWORD = "guarded by a phone";

describe.runIf(run)("two-factor sign-in in the portal", () => {
  it("is turned on with an authenticator app, then asked for after the password", async () => {
    await session.platform.database.admin.user.create({ data: { email: "gui@aurora.example", name: "Gui Guarda", passwordHash: await hashPassword(PASSWORD), locale: "pt-BR" } });
    const portal = session.platform.portalUrl;
    const page = await session.newPage({ locale: "pt-BR" });
    await signInToPortal(page, portal, "gui@aurora.example", PASSWORD);
    await Promise.all([page.waitForURL(`${portal}/account/security`), page.getByRole("link", { name: "Segurança" }).click()]);
    await page.getByText("O login em duas etapas está desativado").waitFor();
    await page.getByRole("button", { name: "Ativar o login em duas etapas" }).click();
    await page.getByRole("img", { name: "QR code para seu app autenticador" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-two-factor-scan");

    // The authenticator app: the key from the page, the code for now.
    const secret = (await page.locator(".totp-key").textContent())!.trim();
    await page.getByLabel("Código do app").fill(totpCode(secret, totpStep(new Date())));
    await page.getByRole("button", { name: "Confirmar e ativar" }).click();
    await page.getByRole("status").getByText("O login em duas etapas está ativado.").waitFor();
    expect(await page.locator(".recovery-codes li").count()).toBe(8);

    await page.getByRole("button", { name: "Sair" }).click();
    await page.goto(`${portal}/login`);
    await page.fill("input[name=email]", "gui@aurora.example");
    await page.fill("input[name=password]", PASSWORD);
    await Promise.all([page.waitForURL(/\/login\/two-factor/), page.click("main form button[type=submit]")]);
    // The password alone opens nothing.
    expect((await (await page.context().request.get(`${portal}/account/security`, { maxRedirects: 0 })).headers()).location).toMatch(/^\/login/);
    await page.getByLabel("Código").fill("000000");
    await page.getByRole("button", { name: "Continuar" }).click();
    await page.getByRole("alert").getByText("Esse código não funcionou.", { exact: false }).waitFor();
    // The next step's code: the one that confirmed the app was spent.
    await page.getByLabel("Código").fill(totpCode(secret, totpStep(new Date()) + 1));
    await Promise.all([page.waitForURL(`${portal}/`), page.getByRole("button", { name: "Continuar" }).click()]);
    await page.getByText("Conectado como Gui Guarda").waitFor();
  });
});

import { hashPassword, totpCode, totpStep } from "@primestore/core/auth";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { findMail } from "../mail.ts";
import { signInToPortal } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;
const PASSWORD = "guarded by a phone";

describe.runIf(run)("signing in to the portal safely", () => {
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
    // A mistyped code keeps the same secret and its QR on screen.
    await page.getByLabel("Código do app").fill("000000");
    await page.getByRole("button", { name: "Confirmar e ativar" }).click();
    await page.getByRole("alert").getByText("Esse código não funcionou.", { exact: false }).waitFor();
    await page.getByRole("img", { name: "QR code para seu app autenticador" }).waitFor();
    expect((await page.locator(".totp-key").textContent())!.trim()).toBe(secret);
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

  it("resets a forgotten password from the link the worker emails, in the page's language", async () => {
    await session.platform.database.admin.user.create({ data: { email: "esquecida@aurora.example", name: "Eva Esquecida", passwordHash: await hashPassword(PASSWORD), locale: "pt-BR" } });
    const portal = session.platform.portalUrl;
    const page = await session.newPage({ locale: "en" });
    await page.goto(`${portal}/login`);
    await Promise.all([page.waitForURL(`${portal}/forgot-password`), page.getByRole("link", { name: "Forgot your password?" }).click()]);
    await page.getByLabel("Email").fill("esquecida@aurora.example");
    await page.getByRole("button", { name: "Send link" }).click();
    await page.getByRole("status").getByText("If esquecida@aurora.example has a Prime Store seller account", { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const link = await findMail(session.platform.mailDir, "portal reset email", (eml) =>
      eml.includes("To: esquecida@aurora.example") ? eml.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0] : undefined,
    );
    await page.goto(link);
    await page.locator("input[name=password]").fill("remembered at last");
    await Promise.all([page.waitForURL(/\/login\?reset=1/), page.getByRole("button", { name: "Save new password" }).click()]);
    await page.getByRole("status").getByText("Password changed.", { exact: false }).waitFor();
    await page.fill("input[name=password]", "remembered at last");
    await Promise.all([page.waitForURL(`${portal}/`), page.click("main form button[type=submit]")]);
    await page.getByText("Signed in as Eva Esquecida").waitFor();
  });
});

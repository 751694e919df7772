import { hashPassword } from "@primestore/core/auth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { findMail } from "../mail.ts";
import { screenshot } from "../browser.ts";
import { signInToPortal } from "../portal.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;
const admin = () => session.platform.database.admin;
const PASSWORD = "beto's password";
const ROLE = "Balcão de reembolsos";

const signIn = (page: Page, email: string, password?: string) => signInToPortal(page, session.platform.portalUrl, email, password);

/** A second person's browser, beside the current test's own page. */
async function asMember<T>(email: string, visit: (page: Page) => Promise<T>): Promise<T> {
  const context = await session.browser.newContext({ locale: "pt-BR" });
  try {
    const page = await context.newPage();
    await signIn(page, email, PASSWORD);
    return await visit(page);
  } finally {
    await context.close();
  }
}

describe.runIf(run)("an owner runs the store's team", () => {
  it("creates a role, gives it to a member, who then sees just that; then removes the member and the role", async () => {
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const user = await admin().user.create({ data: { email: "beto@aurora.example", name: "Beto Balcão", passwordHash: await hashPassword(PASSWORD), locale: "pt-BR" } });
    await admin().membership.create({ data: { tenantId: store.id, userId: user.id, role: "staff" } });

    const page = await session.newPage({ locale: "pt-BR" });
    await signIn(page, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/products`);
    await Promise.all([page.waitForURL(/\/stores\/aurora\/team$/), page.getByRole("navigation", { name: "Seções da loja" }).getByRole("link", { name: "Equipe" }).click()]);
    const members = page.getByRole("region", { name: "Membros" });
    await members.getByRole("row", { name: /Ana Souza \(você\)/ }).waitFor();
    expect(await members.getByRole("row", { name: /Ana Souza/ }).getByRole("button").count()).toBe(0);

    // A new role: refunds, which brings seeing orders with it.
    const editor = page.getByRole("form", { name: "Novo papel" });
    await editor.getByLabel("Nome do papel").fill(ROLE);
    await editor.getByLabel("Reembolsar pagamentos").check();
    await editor.getByRole("button", { name: "Criar papel" }).click();
    await page.getByRole("status").getByText(`Papel ${ROLE} salvo.`).waitFor();
    const saved = page.getByRole("form", { name: new RegExp(`^${ROLE}`) });
    expect(await saved.getByLabel("Ver pedidos").isChecked()).toBe(true);
    expect(await saved.getByLabel("Editar produtos").isChecked()).toBe(false);

    await members.getByLabel("Papel de Beto Balcão").selectOption({ label: ROLE });
    await members.getByRole("button", { name: "Mudar papel: Beto Balcão" }).click();
    await page.getByRole("status").getByText(`Beto Balcão agora tem o papel ${ROLE}.`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-team");

    const betoSees = await asMember("beto@aurora.example", async (beto) => {
      await beto.goto(`${session.platform.portalUrl}/stores/aurora`);
      await beto.waitForURL(/\/stores\/aurora\/orders$/);
      const nav = beto.getByRole("navigation", { name: "Seções da loja" });
      await nav.getByRole("link", { name: "Pedidos" }).waitFor();
      return nav.getByRole("link").allTextContents();
    });
    expect(betoSees).toEqual(["Pedidos"]);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Remover: Beto Balcão" }).click();
    await page.getByRole("status").getByText("Beto Balcão não tem mais acesso à loja.").waitFor();
    const status = await asMember("beto@aurora.example", async (beto) => (await beto.goto(`${session.platform.portalUrl}/stores/aurora/orders`))?.status());
    expect(status).toBe(403);

    await page.getByRole("form", { name: new RegExp(`^${ROLE}`) }).getByRole("button", { name: "Excluir papel" }).click();
    await page.getByRole("status").getByText(`Papel ${ROLE} excluído.`).waitFor();
    // The same story, told by the store's activity page.
    await Promise.all([page.waitForURL(/\/stores\/aurora\/audit$/), page.getByRole("navigation", { name: "Seções da loja" }).getByRole("link", { name: "Atividade" }).click()]);
    const activity = page.getByRole("table", { name: "Atividade" });
    // Polled: the page renders a moment after the address changes.
    await expect.poll(() => activity.locator("tbody th").allTextContents()).toEqual(["Excluiu um papel", "Removeu um membro", "Mudou o papel de um membro", "Criou um papel"]);
    await page.getByLabel("Área").selectOption({ label: "Equipe" });
    await Promise.all([page.waitForURL(/entity=member/), page.getByRole("button", { name: "Mostrar" }).click()]);
    await expect.poll(() => activity.locator("tbody th").allTextContents()).toEqual(["Removeu um membro", "Mudou o papel de um membro"]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "portal-activity");
    expect(await admin().auditLog.findMany({ where: { tenantId: store.id }, orderBy: { createdAt: "asc" }, select: { action: true } })).toEqual([
      { action: "role.created" },
      { action: "member.role_changed" },
      { action: "member.removed" },
      { action: "role.deleted" },
    ]);
  });

  it("invites someone by email in es, who follows the link, creates their account and lands in the store", async () => {
    const email = "nova@example.com";
    const page = await session.newPage({ locale: "es" });
    await signIn(page, "ana@aurora.example");
    await page.goto(`${session.platform.portalUrl}/stores/aurora/team`);
    const invites = page.getByRole("region", { name: "Invitar a alguien" });
    await invites.getByLabel("Su correo").fill(email);
    await invites.getByLabel("Rol").selectOption({ label: "Colaborador" });
    await invites.getByRole("button", { name: "Enviar invitación" }).click();
    await page.getByRole("status").getByText(`Invitación enviada a ${email}.`).waitFor();
    await invites.getByRole("row", { name: new RegExp(email) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const link = await findMail(session.platform.mailDir, `invitation for ${email}`, (eml) =>
      eml.includes(`To: ${email}`) ? eml.match(/https?:\/\/\S+\/invite\/aurora\?token=\S+/)?.[0] : undefined,
    );
    const context = await session.browser.newContext({ locale: "es" });
    try {
      const invited = await context.newPage();
      await invited.goto(link);
      await invited.getByRole("heading", { name: "Únete a Aurora Moda" }).waitFor();
      await invited.getByText("Te invitaron al equipo de Aurora Moda como Colaborador.").waitFor();
      expect(await seriousViolations(invited)).toEqual([]);
      await screenshot(invited, "portal-invitation");
      await invited.getByLabel("Tu nombre").fill("Nova Nogueira");
      await invited.getByLabel("Contraseña").fill("a long new password");
      await Promise.all([invited.waitForURL(/\/stores\/aurora\/products$/), invited.getByRole("button", { name: "Unirme a la tienda" }).click()]);
      const nav = invited.getByRole("navigation", { name: "Secciones de la tienda" });
      await nav.getByRole("link", { name: "Pedidos" }).waitFor();
      expect(await nav.getByRole("link").allTextContents()).toEqual(["Productos", "Pedidos"]);

      // The link worked once.
      await invited.goto(link);
      await invited.getByText("Este enlace de invitación ya no es válido. Pide uno nuevo a la tienda.").waitFor();
    } finally {
      await context.close();
    }
    await page.reload();
    await page.getByRole("region", { name: "Miembros" }).getByRole("row", { name: /Nova Nogueira/ }).waitFor();
  });

  it("lets someone on two stores' teams switch between them, staying on the section they were on", async () => {
    const aurora = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const sam = await admin().user.findUniqueOrThrow({ where: { email: "sam@summit.example" } });
    await admin().membership.create({ data: { tenantId: aurora.id, userId: sam.id, role: "staff" } });
    const page = await session.newPage({ locale: "pt-BR" });
    await signIn(page, "sam@summit.example");
    await page.goto(`${session.platform.portalUrl}/stores/summit/orders`);
    await page.getByText("Trocar de loja").click();
    await Promise.all([page.waitForURL(/\/stores\/aurora\/orders$/), page.getByRole("link", { name: "Aurora Moda" }).click()]);
    await page.getByRole("heading", { name: "Aurora Moda", level: 1 }).waitFor();
    // Finance isn't Aurora's staff's to see: from there the switch opens Aurora where Sam may be.
    await page.goto(`${session.platform.portalUrl}/stores/summit/finance`);
    await page.getByText("Trocar de loja").click();
    await Promise.all([page.waitForURL(/\/stores\/aurora\/products$/), page.getByRole("link", { name: "Aurora Moda" }).click()]);
  });
});

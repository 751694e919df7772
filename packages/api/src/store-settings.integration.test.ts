import { describe, expect, it } from "vitest";
import { callerFor, portalRequest, portalSession, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
const portal = async (email: string, store: string) => portalRequest(seeded.deps, await portalSession(seeded.deps, email), store);
const storefront = async () => (await callerFor(seeded.deps, "storefront", { host: "aurora.localhost" })).caller;

describe("store settings", () => {
  it("change the store's name, look, languages and currencies, which the storefront shows on its next request", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const current = await ana.settings.store();
    expect(current).toMatchObject({ name: "Aurora Moda", defaultLocale: "pt-BR" });
    expect((await (await storefront()).tenants.current()).name).toBe("Aurora Moda");

    await ana.settings.updateStore({
      name: "Aurora Moda & Casa",
      branding: { primaryColor: "#AA3366", accentColor: "#112233", logoUrl: "https://cdn.example.com/aurora.svg" },
      locales: ["en", "pt-BR"],
      defaultLocale: "pt-BR",
      currencies: ["USD", "BRL"],
      defaultCurrency: "BRL",
    });
    expect(await ana.settings.store()).toEqual({
      name: "Aurora Moda & Casa",
      branding: { primaryColor: "#aa3366", accentColor: "#112233", logoUrl: "https://cdn.example.com/aurora.svg" },
      locales: ["pt-BR", "en"],
      defaultLocale: "pt-BR",
      currencies: ["BRL", "USD"],
      defaultCurrency: "BRL",
    });
    expect(await (await storefront()).tenants.current()).toMatchObject({ name: "Aurora Moda & Casa", locales: ["pt-BR", "en"], branding: { primaryColor: "#aa3366" } });
    expect(await admin().auditLog.count({ where: { action: "settings.store_updated" } })).toBe(1);
    await ana.settings.updateStore(current);
  });

  it("refuse a default that isn't offered, a bad colour or an unknown currency, changing nothing", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const current = await ana.settings.store();
    const before = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    for (const wrong of [
      { ...current, locales: ["en"], defaultLocale: "pt-BR" },
      { ...current, currencies: ["USD"], defaultCurrency: "BRL" },
      { ...current, branding: { primaryColor: "red" } },
      { ...current, branding: { logoUrl: "javascript:alert(1)" } },
      { ...current, currencies: ["JPY"], defaultCurrency: "JPY" },
      { ...current, name: " " },
    ]) {
      expect(await rejection(ana.settings.updateStore(wrong as never))).toMatchObject({ message: "VALIDATION" });
    }
    expect(await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } })).toEqual(before);
  });

  it("are each store's own, and changed only by roles with the settings permission", async () => {
    const sam = await portal("sam@summit.example", "summit");
    expect((await sam.settings.store()).name).not.toBe("Aurora Moda");
    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
    const membership = await admin().membership.findFirstOrThrow({ where: { tenantId: store.id } });
    await admin().membership.update({ where: { id: membership.id }, data: { role: "staff" } });
    try {
      const staff = await portal("ana@aurora.example", "aurora");
      expect((await rejection(staff.settings.store())).code).toBe("FORBIDDEN");
    } finally {
      await admin().membership.update({ where: { id: membership.id }, data: { role: "owner" } });
    }
    expect((await rejection((await portal("sam@summit.example", "aurora")).settings.store())).code).toBe("FORBIDDEN");
  });
});

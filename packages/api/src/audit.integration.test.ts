import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { portalRequest, portalSession, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
const portal = async (email: string, store: string) => portalRequest(seeded.deps, await portalSession(seeded.deps, email), store);
const product = () => ({ title: "Boné de linho", slug: `bone-${randomUUID().slice(0, 8)}`, sku: `BONE-${randomUUID().slice(0, 8)}`, prices: { BRL: 5990 } });

describe("the audit log", () => {
  it("records each portal write with who made it, in the write's own transaction, newest first and a page at a time", async () => {
    const ana = await portal("ana@aurora.example", "aurora");
    const anaId = (await admin().user.findUniqueOrThrow({ where: { email: "ana@aurora.example" } })).id;
    const created = await ana.catalog.create(product());
    const settings = await ana.payments.settings();
    await ana.payments.updateSettings({ checkout: settings.checkout, payoutSchedule: "daily" });
    await ana.team.saveRole({ name: "Fotógrafos", permissions: ["catalog:write"] });
    // Refused writes leave no line.
    const before = await admin().auditLog.count();
    expect(await rejection(ana.catalog.create({ ...product(), prices: {} }))).toMatchObject({ message: "VALIDATION" });
    expect(await rejection(ana.team.saveRole({ name: "Fotógrafos", permissions: ["catalog:read"] }))).toMatchObject({ message: "ROLE_NAME_TAKEN" });
    expect(await admin().auditLog.count()).toBe(before);

    const page = await ana.audit.list({ limit: 2 });
    expect(page.entries.map((entry) => entry.action)).toEqual(["role.created", "settings.payments_updated"]);
    expect(page.entries[0]).toMatchObject({ actorType: "user", actor: { id: anaId, name: "Ana Souza" }, entity: "role", data: { name: "Fotógrafos" } });
    const rest = await ana.audit.list({ limit: 2, before: page.next! });
    expect(rest.entries[0]).toMatchObject({ action: "product.created", entityId: created.id, data: { slug: created.slug } });
    expect(page.entities).toEqual(expect.arrayContaining(["product", "role", "settings"]));
    expect(page.people).toEqual([{ id: anaId, name: "Ana Souza", email: "ana@aurora.example" }]);

    expect((await ana.audit.list({ entity: "product" })).entries.map((entry) => entry.action)).toEqual(["product.created"]);
    expect((await ana.audit.list({ from: new Date(Date.now() + 60_000) })).entries).toEqual([]);
    expect((await ana.audit.list({ actorId: randomUUID() })).entries).toEqual([]);
  });

  it("is each store's own, and only for roles that see the team", async () => {
    const sam = await portal("sam@summit.example", "summit");
    await sam.payments.updateSettings({ checkout: (await sam.payments.settings()).checkout, payoutSchedule: "weekly" });
    const seen = await sam.audit.list({});
    expect(seen.entries.every((entry) => entry.actor?.name === "Sam Carter")).toBe(true);
    expect(seen.entries.map((entry) => entry.action)).not.toContain("product.created");

    const store = await admin().tenant.findUniqueOrThrow({ where: { slug: "summit" } });
    const membership = await admin().membership.findFirstOrThrow({ where: { tenantId: store.id } });
    await admin().membership.update({ where: { id: membership.id }, data: { role: "staff" } });
    try {
      expect((await rejection((await portal("sam@summit.example", "summit")).audit.list({}))).code).toBe("FORBIDDEN");
    } finally {
      await admin().membership.update({ where: { id: membership.id }, data: { role: "owner" } });
    }
  });
});

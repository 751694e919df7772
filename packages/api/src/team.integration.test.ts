import { hashPassword } from "@primestore/core/auth";
import { DEMO_PASSWORD } from "@primestore/core/seed";
import type { MemberRole } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { portalRequest, portalSession, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(DEMO_PASSWORD);
});

const signIn = (email: string) => portalSession(seeded.deps, email);
/** A portal caller signed in as `email`, acting on `store`: one request's context (it reads the member's role once). */
const portal = async (email: string, store = "aurora") => portalRequest(seeded.deps, await signIn(email), store);

/** A new person on the store's team; returns their membership id. */
async function addMember(email: string, role: MemberRole, roleId?: string, store = "aurora") {
  const tenant = await admin().tenant.findUniqueOrThrow({ where: { slug: store } });
  const user = await admin().user.upsert({ where: { email }, create: { email, name: email.split("@")[0]!, passwordHash }, update: {} });
  const member = await admin().membership.create({ data: { tenantId: tenant.id, userId: user.id, role, roleId: roleId ?? null } });
  return member.id;
}

const roleOf = async (memberId: string) => (await admin().membership.findUnique({ where: { id: memberId } }))?.role;
const auditCount = () => admin().auditLog.count();
const auroraId = async () => (await admin().tenant.findUniqueOrThrow({ where: { slug: "aurora" } })).id;

describe("the team", () => {
  it("is listed for owners, and a role change is made, audited and felt on the member's next request", async () => {
    const memberId = await addMember("bruno@aurora.example", "staff");
    const ana = await portal("ana@aurora.example");
    const team = await ana.team.list();
    expect(team.members.map((member) => [member.email, member.role])).toEqual(expect.arrayContaining([["ana@aurora.example", "owner"], ["bruno@aurora.example", "staff"]]));

    const bruno = await portal("bruno@aurora.example");
    expect((await rejection(bruno.payments.finance())).code).toBe("FORBIDDEN");
    await ana.team.changeRole({ memberId, role: { role: "manager" } });
    expect(await roleOf(memberId)).toBe("manager");
    const brunoNext = await portal("bruno@aurora.example");
    expect(await brunoNext.payments.finance()).toBeDefined();
    expect(await admin().auditLog.findFirstOrThrow({ where: { entityId: memberId }, orderBy: { createdAt: "desc" } })).toMatchObject({
      tenantId: await auroraId(),
      actorType: "user",
      action: "member.role_changed",
      data: { email: "bruno@aurora.example", from: "staff", to: "manager" },
    });
    // A manager runs the store but not its team.
    expect((await rejection(brunoNext.team.changeRole({ memberId, role: { role: "owner" } }))).code).toBe("FORBIDDEN");
  });

  it("can't be used to hand out more than the acting member holds, and a refusal writes nothing", async () => {
    const lead = await admin().tenantRole.create({
      data: { tenantId: await auroraId(), name: "Team lead", permissions: ["team:write", "team:read", "catalog:write", "catalog:read", "inventory:write", "inventory:read", "orders:write", "orders:read"] },
    });
    await addMember("lea@aurora.example", "custom", lead.id);
    const target = await addMember("caio@aurora.example", "custom", lead.id);
    const manager = await addMember("mara@aurora.example", "manager");
    const lea = await portal("lea@aurora.example");
    const before = await auditCount();

    for (const role of [{ role: "manager" as const }, { role: "owner" as const }]) {
      expect((await rejection(lea.team.changeRole({ memberId: target, role }))).message).toBe("FORBIDDEN");
    }
    // Taking a manager's role away is taking away what the lead can't give either.
    expect((await rejection(lea.team.changeRole({ memberId: manager, role: { role: "staff" } }))).message).toBe("FORBIDDEN");
    expect((await rejection(lea.team.removeMember({ memberId: manager }))).message).toBe("FORBIDDEN");
    expect((await rejection(lea.team.saveRole({ name: "Money", permissions: ["payouts:write"] }))).message).toBe("FORBIDDEN");
    expect((await rejection(lea.team.saveRole({ id: lead.id, name: "Team lead", permissions: ["team:write", "refunds:write"] }))).message).toBe("FORBIDDEN");
    expect([await roleOf(target), await roleOf(manager), await auditCount()]).toEqual(["custom", "manager", before]);

    // Within what the lead holds, it works.
    await lea.team.changeRole({ memberId: target, role: { role: "staff" } });
    expect(await roleOf(target)).toBe("staff");
  });

  it("always keeps an owner, even when two owners demote each other at once", async () => {
    const ana = await portal("ana@aurora.example");
    const anaMember = (await ana.team.list()).members.find((member) => member.email === "ana@aurora.example")!;
    expect((await rejection(ana.team.removeMember({ memberId: anaMember.id }))).message).toBe("LAST_OWNER");
    expect((await rejection(ana.team.changeRole({ memberId: anaMember.id, role: { role: "manager" } }))).message).toBe("FORBIDDEN");

    const otto = await addMember("otto@aurora.example", "owner");
    const ottoCaller = await portal("otto@aurora.example");
    const outcomes = await Promise.allSettled([
      ana.team.changeRole({ memberId: otto, role: { role: "manager" } }),
      ottoCaller.team.changeRole({ memberId: anaMember.id, role: { role: "manager" } }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect((refused as PromiseRejectedResult).reason.message).toMatch(/LAST_OWNER|FORBIDDEN/);
    expect(await admin().membership.count({ where: { tenantId: await auroraId(), role: "owner" } })).toBe(1);
    // Put Ana back as the one owner.
    await admin().membership.update({ where: { id: anaMember.id }, data: { role: "owner" } });
    await admin().membership.delete({ where: { id: otto } });
  });

  it("removes a member, who then can't open the store", async () => {
    const memberId = await addMember("rui@aurora.example", "staff");
    const ruiCookie = await signIn("rui@aurora.example");
    expect(await (await portalRequest(seeded.deps, ruiCookie, "aurora")).orders.sellerList({})).toBeDefined();
    await (await portal("ana@aurora.example")).team.removeMember({ memberId });
    expect(await admin().membership.count({ where: { id: memberId } })).toBe(0);
    // Their session stays (their other stores), but its next request no longer finds this one.
    expect((await rejection((await portalRequest(seeded.deps, ruiCookie, "aurora")).orders.sellerList({}))).code).toBe("FORBIDDEN");
    expect(await admin().auditLog.count({ where: { entityId: memberId, action: "member.removed" } })).toBe(1);
  });
});

describe("store roles", () => {
  it("are saved with what they imply, named once per store, and deleted only when no one holds them", async () => {
    const ana = await portal("ana@aurora.example");
    const { id } = await ana.team.saveRole({ name: "Refunds desk", permissions: ["refunds:write"] });
    expect((await ana.team.list()).roles.find((role) => role.id === id)).toMatchObject({ name: "Refunds desk", permissions: ["orders:read", "refunds:write"], members: 0 });
    expect((await rejection(ana.team.saveRole({ name: "Refunds desk", permissions: ["catalog:read"] }))).message).toBe("ROLE_NAME_TAKEN");

    const holder = await addMember("dora@aurora.example", "custom", id);
    expect((await rejection(ana.team.deleteRole({ roleId: id }))).message).toBe("ROLE_IN_USE");
    await ana.team.changeRole({ memberId: holder, role: { role: "staff" } });
    await ana.team.deleteRole({ roleId: id });
    expect(await admin().tenantRole.count({ where: { id } })).toBe(0);
    expect(await admin().auditLog.count({ where: { entityId: id } })).toBe(2);
  });

  it("refuse bad input with a clear error, writing nothing", async () => {
    const ana = await portal("ana@aurora.example");
    const before = [await admin().tenantRole.count(), await auditCount()];
    for (const input of [
      { name: " ", permissions: ["catalog:read"] },
      { name: "Nobody", permissions: [] },
      { name: "Root", permissions: ["everything:write"] },
    ]) {
      expect(await rejection(ana.team.saveRole(input as never))).toMatchObject({ code: "BAD_REQUEST", message: "VALIDATION" });
    }
    expect(await rejection(ana.team.changeRole({ memberId: "not-a-uuid", role: { role: "staff" } }))).toMatchObject({ message: "VALIDATION" });
    expect([await admin().tenantRole.count(), await auditCount()]).toEqual(before);
  });
});

describe("another store's team", () => {
  it("finds and changes nothing through its ids, and is not shown to a role without team permissions", async () => {
    const summitMember = await addMember("sia@summit.example", "staff", undefined, "summit");
    const summitRole = await admin().tenantRole.create({ data: { tenantId: (await admin().tenant.findUniqueOrThrow({ where: { slug: "summit" } })).id, name: "Packers", permissions: ["orders:write"] } });
    const ana = await portal("ana@aurora.example");
    expect((await rejection(ana.team.changeRole({ memberId: summitMember, role: { role: "manager" } }))).message).toBe("NOT_FOUND");
    expect((await rejection(ana.team.removeMember({ memberId: summitMember }))).message).toBe("NOT_FOUND");
    expect((await rejection(ana.team.deleteRole({ roleId: summitRole.id }))).message).toBe("NOT_FOUND");
    expect((await rejection(ana.team.saveRole({ id: summitRole.id, name: "Mine now", permissions: ["catalog:read"] }))).message).toBe("NOT_FOUND");
    const mine = await addMember("ivo@aurora.example", "staff");
    expect((await rejection(ana.team.changeRole({ memberId: mine, role: { role: "custom", roleId: summitRole.id } }))).message).toBe("NOT_FOUND");
    expect((await ana.team.list()).members.map((member) => member.email)).not.toContain("sia@summit.example");
    expect([await roleOf(summitMember), (await admin().tenantRole.findUniqueOrThrow({ where: { id: summitRole.id } })).name]).toEqual(["staff", "Packers"]);

    const ivo = await portal("ivo@aurora.example");
    expect((await rejection(ivo.team.list())).code).toBe("FORBIDDEN");
  });
});

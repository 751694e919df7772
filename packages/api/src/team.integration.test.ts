import { hashPassword } from "@primestore/core/auth";
import { type EmailMessage, sendMemberInviteEmail } from "@primestore/core/notifications";
import { DEMO_PASSWORD } from "@primestore/core/seed";
import type { MemberRole } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, portalRequest, portalSession, rejection, seededApi } from "./testing/index.ts";

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

/** What the worker does with the invitation's outbox event: the email it sends, and the token in its link. */
async function sendInvitation(inviteId: string) {
  const event = await admin().outboxEvent.findFirstOrThrow({ where: { type: "member.invited", payload: { path: ["inviteId"], equals: inviteId } }, orderBy: { createdAt: "desc" } });
  const sent: EmailMessage[] = [];
  const payload = event.payload as { locale: string; origin: string };
  await sendMemberInviteEmail(seeded.database.app, { send: async (message) => void sent.push(message) }, event.tenantId!, { eventId: event.id, inviteId, ...payload });
  const link = new URL(/https?:\/\/\S+/.exec(sent[0]!.text)![0]);
  return { email: sent[0]!, link, store: link.pathname.split("/")[2]!, token: link.searchParams.get("token")! };
}

const anonymous = async () => (await callerFor(seeded.deps, "portal", {})).caller;

describe("invitations", () => {
  it("bring a new person onto the team through a single-use link that only the email holds", async () => {
    const ana = await portal("ana@aurora.example");
    const { id } = await ana.team.invite({ email: "Nina@Example.com", role: { role: "staff" }, locale: "es" });
    expect((await ana.team.list()).invites).toMatchObject([{ id, email: "nina@example.com", role: "staff", expired: false }]);

    const sent = await sendInvitation(id);
    expect(sent.email).toMatchObject({ to: "nina@example.com", subject: "Ana Souza te invitó al equipo de Aurora Moda" });
    expect(sent.link.pathname).toBe("/invite/aurora");
    // The stored copy of the email and the invite keep no usable link.
    const stored = await admin().notification.findFirstOrThrow({ where: { template: "member.invited", recipient: "nina@example.com" } });
    expect(stored.bodyText).not.toContain(sent.token);
    expect(JSON.stringify(await admin().memberInvite.findUniqueOrThrow({ where: { id } }))).not.toContain(sent.token);

    const visitor = await anonymous();
    expect(await visitor.team.invitation({ store: "aurora", token: sent.token })).toEqual({ storeName: "Aurora Moda", email: "nina@example.com", role: "staff", roleName: null, hasAccount: false });
    expect((await rejection(visitor.team.acceptInvite({ store: "aurora", token: sent.token, password: "long enough pass" }))).message).toBe("VALIDATION");
    const { caller, resHeaders } = await callerFor(seeded.deps, "portal", {});
    expect(await caller.team.acceptInvite({ store: "aurora", token: sent.token, name: "Nina Nunes", password: "long enough pass" })).toEqual({ store: "aurora" });
    const cookie = (resHeaders.get("set-cookie") ?? "").split(";")[0]!;
    expect((await (await portalRequest(seeded.deps, cookie)).auth.me())?.memberships).toMatchObject([{ tenantSlug: "aurora", role: "staff" }]);

    expect((await rejection(visitor.team.acceptInvite({ store: "aurora", token: sent.token, name: "Twice", password: "long enough pass" }))).message).toBe("INVITE_INVALID");
    expect((await ana.team.list()).invites).toEqual([]);
    const actions = (await admin().auditLog.findMany({ where: { OR: [{ entityId: id }, { action: "member.joined" }] }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["member.invited", "member.joined"]);
  });

  it("let someone with an account join with its password, keeping their other stores", async () => {
    const ana = await portal("ana@aurora.example");
    const { id } = await ana.team.invite({ email: "sam@summit.example", role: { role: "manager" }, locale: "en" });
    const { token } = await sendInvitation(id);
    const visitor = await anonymous();
    expect(await visitor.team.invitation({ store: "aurora", token })).toMatchObject({ hasAccount: true, role: "manager" });
    expect((await rejection(visitor.team.acceptInvite({ store: "aurora", token, password: "not sam's" }))).message).toBe("INVALID_CREDENTIALS");
    expect(await admin().memberInvite.findUniqueOrThrow({ where: { id } })).toMatchObject({ acceptedAt: null });

    await visitor.team.acceptInvite({ store: "aurora", token, password: DEMO_PASSWORD });
    const sam = await portalRequest(seeded.deps, await signIn("sam@summit.example"));
    expect((await sam.auth.me())?.memberships.map((membership) => [membership.tenantSlug, membership.role])).toEqual([
      ["summit", "owner"],
      ["aurora", "manager"],
    ]);
  });

  it("are given only within the inviter's own permissions, and can be withdrawn or renewed, leaving only the newest link alive", async () => {
    const ana = await portal("ana@aurora.example");
    const before = await admin().memberInvite.count();
    expect((await rejection(ana.team.invite({ email: "ana@aurora.example", role: { role: "staff" }, locale: "pt-BR" }))).message).toBe("ALREADY_MEMBER");
    expect(await rejection(ana.team.invite({ email: "not an email", role: { role: "staff" }, locale: "pt-BR" }))).toMatchObject({ message: "VALIDATION" });
    const staffId = await addMember("tito@aurora.example", "staff");
    expect((await rejection((await portal("tito@aurora.example")).team.invite({ email: "x@example.com", role: { role: "staff" }, locale: "pt-BR" }))).code).toBe("FORBIDDEN");
    await ana.team.changeRole({ memberId: staffId, role: { role: "manager" } });
    expect(await admin().memberInvite.count()).toBe(before);

    const { id } = await ana.team.invite({ email: "vera@example.com", role: { role: "staff" }, locale: "pt-BR" });
    const first = await sendInvitation(id);
    await ana.team.invite({ email: "vera@example.com", role: { role: "manager" }, locale: "pt-BR" });
    const second = await sendInvitation(id);
    const visitor = await anonymous();
    expect((await rejection(visitor.team.invitation({ store: "aurora", token: first.token }))).message).toBe("INVITE_INVALID");
    expect(await visitor.team.invitation({ store: "aurora", token: second.token })).toMatchObject({ role: "manager" });
    // The link names its store: under another one it finds nothing.
    expect((await rejection(visitor.team.invitation({ store: "summit", token: second.token }))).message).toBe("INVITE_INVALID");

    await ana.team.revokeInvite({ inviteId: id });
    expect((await rejection(visitor.team.invitation({ store: "aurora", token: second.token }))).message).toBe("INVITE_INVALID");
    expect((await rejection(ana.team.revokeInvite({ inviteId: id }))).message).toBe("NOT_FOUND");

    const late = await ana.team.invite({ email: "late@example.com", role: { role: "staff" }, locale: "pt-BR" });
    const lateLink = await sendInvitation(late.id);
    await admin().memberInvite.update({ where: { id: late.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await rejection(visitor.team.acceptInvite({ store: "aurora", token: lateLink.token, name: "Late", password: "long enough pass" }))).message).toBe("INVITE_INVALID");
    expect((await ana.team.list()).invites.find((invite) => invite.id === late.id)).toMatchObject({ expired: true });
    expect(await admin().user.count({ where: { email: "late@example.com" } })).toBe(0);
  });
});

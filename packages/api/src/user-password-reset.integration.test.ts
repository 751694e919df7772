import { hashPassword } from "@primestore/core/auth";
import { type EmailMessage, sendUserPasswordResetEmail } from "@primestore/core/notifications";
import { describe, expect, it } from "vitest";
import { callerFor, portalRequest, portalSession, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
const anonymous = async () => (await callerFor(seeded.deps, "portal", {})).caller;

/** What the worker does with the newest reset event for `userId`: the email, and the token in its link. */
async function deliverReset(userId: string) {
  const event = await admin().outboxEvent.findFirstOrThrow({ where: { type: "user.password_reset_requested", payload: { path: ["userId"], equals: userId } }, orderBy: { createdAt: "desc" } });
  expect(event.tenantId).toBeNull();
  const sent: EmailMessage[] = [];
  const mailer = { send: async (message: EmailMessage) => void sent.push(message) };
  const request = { eventId: event.id, ...(event.payload as { userId: string; locale: string; origin: string }) };
  expect(await sendUserPasswordResetEmail(seeded.database.app, mailer, request)).toBe("sent");
  // The job retried: its email went already.
  expect(await sendUserPasswordResetEmail(seeded.database.app, mailer, request)).toBe("already-sent");
  expect(sent).toHaveLength(1);
  const link = new URL(/https?:\/\/\S+/.exec(sent[0]!.text)![0]);
  return { email: sent[0]!, link, token: link.searchParams.get("token")! };
}

describe("a portal user's password reset", () => {
  it("emails a single-use link to a known email only, ends every session and lets the new password in", async () => {
    const user = await admin().user.create({ data: { email: "lia@aurora.example", name: "Lia Lima", passwordHash: await hashPassword("the old password") } });
    const oldSession = await portalSession(seeded.deps, "lia@aurora.example", "the old password");
    const visitor = await anonymous();
    const eventsBefore = await admin().outboxEvent.count();
    await visitor.auth.requestPasswordReset({ email: "nobody@example.com", locale: "en" });
    expect(await admin().outboxEvent.count()).toBe(eventsBefore);
    await visitor.auth.requestPasswordReset({ email: "LIA@aurora.example", locale: "es" });

    const { email, link, token } = await deliverReset(user.id);
    expect(email).toMatchObject({ to: "lia@aurora.example", subject: "Prime Store: elige una nueva contraseña" });
    expect(link.pathname).toBe("/reset-password");
    expect(JSON.stringify(await admin().userPasswordReset.findMany({ where: { userId: user.id } }))).not.toContain(token);

    expect(await rejection(visitor.auth.resetPassword({ token, password: "short" }))).toMatchObject({ message: "VALIDATION" });
    expect(await visitor.auth.resetPassword({ token, password: "a brand new password" })).toEqual({ email: "lia@aurora.example" });
    expect(await (await portalRequest(seeded.deps, oldSession)).auth.me()).toBeNull();
    expect((await rejection(visitor.auth.resetPassword({ token, password: "yet another password" }))).message).toBe("RESET_TOKEN_INVALID");
    expect((await rejection(visitor.auth.signIn({ email: "lia@aurora.example", password: "the old password" }))).message).toBe("INVALID_CREDENTIALS");
    expect(await (await portalRequest(seeded.deps, await portalSession(seeded.deps, "lia@aurora.example", "a brand new password"))).auth.me()).toMatchObject({ name: "Lia Lima" });
  });

  it("keeps only the newest link alive, and lets an expired one open nothing", async () => {
    const user = await admin().user.create({ data: { email: "rui@summit.example", name: "Rui", passwordHash: await hashPassword("rui's password") } });
    const visitor = await anonymous();
    await visitor.auth.requestPasswordReset({ email: "rui@summit.example", locale: "pt-BR" });
    const first = await deliverReset(user.id);
    await visitor.auth.requestPasswordReset({ email: "rui@summit.example", locale: "pt-BR" });
    const second = await deliverReset(user.id);
    expect((await rejection(visitor.auth.resetPassword({ token: first.token, password: "a brand new password" }))).message).toBe("RESET_TOKEN_INVALID");
    await admin().userPasswordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await rejection(visitor.auth.resetPassword({ token: second.token, password: "a brand new password" }))).message).toBe("RESET_TOKEN_INVALID");
  });

  it("can't be written as a store's event without a store, nor read by the app", async () => {
    await expect(admin().outboxEvent.create({ data: { tenantId: null, type: "order.placed", payload: {} } })).rejects.toThrow(/platform events/);
    expect(await seeded.database.app.outboxEvent.count({ where: { tenantId: null } })).toBe(0);
  });
});

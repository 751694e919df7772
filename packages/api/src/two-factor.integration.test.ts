import { hashPassword, totpCode, totpStep } from "@primestore/core/auth";
import { describe, expect, it } from "vitest";
import { callerFor, portalRequest, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();
const admin = () => seeded.database.admin;
const PASSWORD = "two factor person";

/** A fresh portal user, signed in with password only. */
async function newUser(email: string) {
  await admin().user.create({ data: { email, name: "Tess Two", passwordHash: await hashPassword(PASSWORD) } });
  return signIn(email);
}

async function signIn(email: string) {
  const { caller, resHeaders } = await callerFor(seeded.deps, "portal", {});
  const { twoFactor } = await caller.auth.signIn({ email, password: PASSWORD });
  const cookie = (resHeaders.get("set-cookie") ?? "").split(";")[0]!;
  return { cookie, twoFactor, api: await portalRequest(seeded.deps, cookie) };
}

/** The code the authenticator app shows `steps` steps from now. */
const codeFor = (secret: string, steps = 0) => totpCode(secret, totpStep(new Date()) + steps);

async function enrolled(email: string) {
  const { api } = await newUser(email);
  const { secret, uri } = await api.auth.beginTwoFactor();
  expect(uri).toContain(`secret=${secret}`);
  expect((await rejection(api.auth.confirmTwoFactor({ code: "000000" }))).message).toBe("TWO_FACTOR_INVALID");
  const confirmedWith = codeFor(secret, -1);
  const { recoveryCodes } = await api.auth.confirmTwoFactor({ code: confirmedWith });
  expect(recoveryCodes).toHaveLength(8);
  const stored = await admin().user.findUniqueOrThrow({ where: { email } });
  expect(stored.totpSecret).not.toContain(secret);
  expect(stored.totpRecoveryCodes.join()).not.toContain(recoveryCodes[0]!.replace("-", ""));
  return { secret, recoveryCodes, confirmedWith };
}

describe("two-factor sign-in", () => {
  it("once on, a password alone opens nothing until a fresh code passes, and a code works once", async () => {
    const { secret, confirmedWith } = await enrolled("tess@example.com");
    const pending = await signIn("tess@example.com");
    expect(pending.twoFactor).toBe(true);
    expect(await pending.api.auth.me()).toBeNull();
    expect(await pending.api.auth.twoFactorPending()).toBe(true);
    expect((await rejection(pending.api.orders.sellerList({}))).message).toBe("UNAUTHORIZED");
    // The code that confirmed the app was used already.
    expect((await rejection(pending.api.auth.verifyTwoFactor({ code: confirmedWith }))).message).toBe("TWO_FACTOR_INVALID");

    const { caller, resHeaders } = await callerFor(seeded.deps, "portal", { cookie: pending.cookie });
    await caller.auth.verifyTwoFactor({ code: codeFor(secret) });
    expect(resHeaders.get("set-cookie")).toMatch(/Max-Age=25\d{5}/);
    expect((await (await portalRequest(seeded.deps, pending.cookie)).auth.me())).toMatchObject({ email: "tess@example.com", twoFactorEnabled: true });
    expect(await (await portalRequest(seeded.deps, pending.cookie)).auth.twoFactorPending()).toBe(false);
  });

  it("takes each recovery code once, and ends a session after five wrong codes", async () => {
    const { recoveryCodes } = await enrolled("rafa@example.com");
    const first = await signIn("rafa@example.com");
    await first.api.auth.verifyTwoFactor({ code: recoveryCodes[0]!.toLowerCase() });
    const again = await signIn("rafa@example.com");
    expect((await rejection(again.api.auth.verifyTwoFactor({ code: recoveryCodes[0]! }))).message).toBe("TWO_FACTOR_INVALID");
    for (let attempt = 1; attempt < 5; attempt++) expect((await rejection(again.api.auth.verifyTwoFactor({ code: "123456" }))).message).toBe("TWO_FACTOR_INVALID");
    expect(await again.api.auth.twoFactorPending()).toBe(false);
    expect((await rejection(again.api.auth.verifyTwoFactor({ code: recoveryCodes[1]! }))).message).toBe("UNAUTHORIZED");
    expect((await admin().user.findUniqueOrThrow({ where: { email: "rafa@example.com" } })).totpRecoveryCodes).toHaveLength(7);
  });

  it("is turned off only with the password and a code", async () => {
    const { secret } = await enrolled("otto@example.com");
    const session = await signIn("otto@example.com");
    await session.api.auth.verifyTwoFactor({ code: codeFor(secret) });
    const api = await portalRequest(seeded.deps, session.cookie);
    expect((await rejection(api.auth.disableTwoFactor({ password: "wrong", code: codeFor(secret, 1) }))).message).toBe("INVALID_CREDENTIALS");
    expect((await rejection(api.auth.disableTwoFactor({ password: PASSWORD, code: "999999" }))).message).toBe("TWO_FACTOR_INVALID");
    await api.auth.disableTwoFactor({ password: PASSWORD, code: codeFor(secret, 1) });
    expect((await signIn("otto@example.com")).twoFactor).toBe(false);
  });
});

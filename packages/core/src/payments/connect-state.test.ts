import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connectState, verifyConnectState } from "./connect-state.ts";

const key = randomBytes(32);
const tenant = "0190f0f0-0000-7000-8000-000000000001";

describe("connect state", () => {
  it("verifies for its store and provider only, until it expires", () => {
    const state = connectState(key, tenant, "mercadopago", 1_000);
    expect(verifyConnectState(key, state, tenant, "mercadopago", 2_000)).toBe(true);
    expect(verifyConnectState(key, state, "0190f0f0-0000-7000-8000-000000000002", "mercadopago", 2_000)).toBe(false);
    expect(verifyConnectState(key, state, tenant, "stripe", 2_000)).toBe(false);
    expect(verifyConnectState(key, state, tenant, "mercadopago", 1_000 + 31 * 60_000)).toBe(false);
  });

  it("rejects a forged or truncated state", () => {
    const state = connectState(key, tenant, "stripe");
    expect(verifyConnectState(randomBytes(32), state, tenant, "stripe")).toBe(false);
    expect(verifyConnectState(key, `${state.slice(0, -1)}A`, tenant, "stripe")).toBe(false);
    expect(verifyConnectState(key, "nonsense", tenant, "stripe")).toBe(false);
  });
});

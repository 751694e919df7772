import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connectState, storeSlugOfConnectState, verifyConnectState } from "./connect-state.ts";

const key = randomBytes(32);
const store = { id: "0190f0f0-0000-7000-8000-000000000001", slug: "aurora" };

describe("connect state", () => {
  it("verifies for its store and provider only, until it expires", () => {
    const state = connectState(key, store, "mercadopago", 1_000);
    expect(verifyConnectState(key, state, store.id, "mercadopago", 2_000)).toBe(true);
    expect(verifyConnectState(key, state, "0190f0f0-0000-7000-8000-000000000002", "mercadopago", 2_000)).toBe(false);
    expect(verifyConnectState(key, state, store.id, "stripe", 2_000)).toBe(false);
    expect(verifyConnectState(key, state, store.id, "mercadopago", 1_000 + 31 * 60_000)).toBe(false);
  });

  it("names the store to return to, and a changed name breaks the signature", () => {
    const state = connectState(key, store, "stripe");
    expect(storeSlugOfConnectState(state)).toBe("aurora");
    expect(verifyConnectState(key, state.replace(".aurora.", ".summit."), store.id, "stripe")).toBe(false);
    expect(storeSlugOfConnectState("garbage")).toBeNull();
  });

  it("rejects a forged or truncated state", () => {
    const state = connectState(key, store, "stripe");
    expect(verifyConnectState(randomBytes(32), state, store.id, "stripe")).toBe(false);
    const last = state.at(-1) === "A" ? "E" : "A";
    expect(verifyConnectState(key, `${state.slice(0, -1)}${last}`, store.id, "stripe")).toBe(false);
    expect(verifyConnectState(key, state.slice(0, -1), store.id, "stripe")).toBe(false);
    expect(verifyConnectState(key, "nonsense", store.id, "stripe")).toBe(false);
  });
});

import { createHmac, timingSafeEqual } from "node:crypto";
import type { ProviderId } from "@primestore/payments";

const STATE_TTL_MS = 30 * 60_000;

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(`connect:${body}`).digest("base64url");
}

/**
 * The OAuth `state` for a seller connecting their account: it names the store and provider and
 * is signed, so a callback can't attach someone else's account to a store (login CSRF).
 */
export function connectState(key: Buffer, tenantId: string, provider: ProviderId, now = Date.now()): string {
  const body = `${tenantId}.${provider}.${(now + STATE_TTL_MS).toString(36)}`;
  return `${body}.${sign(key, body)}`;
}

export function verifyConnectState(key: Buffer, state: string, tenantId: string, provider: ProviderId, now = Date.now()): boolean {
  const cut = state.lastIndexOf(".");
  const body = state.slice(0, cut);
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(state.slice(cut + 1));
  if (cut < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const [stateTenant, stateProvider, expires] = body.split(".");
  return stateTenant === tenantId && stateProvider === provider && Number.parseInt(expires ?? "", 36) > now;
}

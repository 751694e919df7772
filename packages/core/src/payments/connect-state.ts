import { createHmac, timingSafeEqual } from "node:crypto";
import type { ProviderId } from "@primestore/payments";

const STATE_TTL_MS = 30 * 60_000;

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(`connect:${body}`).digest("base64url");
}

/**
 * The OAuth `state` for a seller connecting their account: it names the store and provider and
 * is signed, so a callback can't attach someone else's account to a store (login CSRF). It also
 * carries the store's slug, because providers return to one fixed address (Mercado Pago only
 * accepts its registered redirect URI) and the callback must know which store to act for.
 */
export function connectState(key: Buffer, store: { id: string; slug: string }, provider: ProviderId, now = Date.now()): string {
  const body = `${store.id}.${store.slug}.${provider}.${(now + STATE_TTL_MS).toString(36)}`;
  return `${body}.${sign(key, body)}`;
}

/** The store slug a state names, unverified: only to route the callback; the store then verifies it. */
export function storeSlugOfConnectState(state: string): string | null {
  const slug = state.split(".")[1];
  return slug && /^[a-z0-9-]{1,63}$/.test(slug) ? slug : null;
}

export function verifyConnectState(key: Buffer, state: string, tenantId: string, provider: ProviderId, now = Date.now()): boolean {
  const cut = state.lastIndexOf(".");
  const body = state.slice(0, cut);
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(state.slice(cut + 1));
  if (cut < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const [stateTenant, , stateProvider, expires] = body.split(".");
  return stateTenant === tenantId && stateProvider === provider && Number.parseInt(expires ?? "", 36) > now;
}

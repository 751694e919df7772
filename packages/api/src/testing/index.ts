import { createMemoryCache } from "@primestore/core/cache";
import { DEMO_PASSWORD, seedDemoData } from "@primestore/core/seed";
import { disabledPostalCodeLookup } from "@primestore/core/shipping";
import { testGateway } from "@primestore/core/testing";
import { createTenantResolver } from "@primestore/core/tenants";
import type { Db } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll } from "vitest";
import { createContextFactory, STORE_HEADER, type ApiDeps } from "../context.ts";
import { createCaller } from "../root.ts";

/** Postal code lookups are off (tests never reach the internet); a test that needs one swaps `postalCodes`. */
export function testApiDeps(db: Db, adminDb: Db): ApiDeps {
  const cache = createMemoryCache();
  return { db, readDb: db, adminDb, cache, tenants: createTenantResolver(db, { cache }), payments: testGateway(), paymentsSandbox: true, postalCodes: disabledPostalCodeLookup };
}

/** A server-side caller as a request with these headers would get it. */
export async function callerFor(deps: ApiDeps, kind: "storefront" | "portal", headers: Record<string, string>) {
  const resHeaders = new Headers();
  const ctx = await createContextFactory(deps, kind)({ req: new Request("http://test.local/", { headers }), resHeaders });
  return { caller: createCaller(ctx), resHeaders };
}

/** Signs in to the portal as `email`; the session cookie (`name=value`) its requests then send. */
export async function portalSession(deps: ApiDeps, email: string, password = DEMO_PASSWORD): Promise<string> {
  const { caller, resHeaders } = await callerFor(deps, "portal", {});
  await caller.auth.signIn({ email, password });
  return (resHeaders.get("set-cookie") ?? "").split(";")[0]!;
}

/** One portal request's caller for this session, acting on `store` (it reads the member's roles once). */
export async function portalRequest(deps: ApiDeps, cookie: string, store?: string) {
  return (await callerFor(deps, "portal", { cookie, ...(store ? { [STORE_HEADER]: store } : {}) })).caller;
}

/** The TRPCError a call failed with; fails the test if it succeeded or failed otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    () => new Error("expected the call to fail, it succeeded"),
    (error: unknown) => error,
  );
  if (!(outcome instanceof TRPCError)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
  return outcome;
}

/** A fresh database with the demo stores, and API dependencies on it, for one test file. */
export function seededApi() {
  const state = {} as { database: TestDatabase; deps: ApiDeps };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    await seedDemoData(state.database.ownerUrl);
    state.deps = testApiDeps(state.database.app, state.database.admin);
  });
  afterAll(() => state.database?.drop());
  return state;
}

export type Caller = ReturnType<typeof createCaller>;

/**
 * A browser on one store for API tests: keeps every cookie the API sets (and drops expired ones)
 * and sends them back, so sign-in, carts and sign-out play out as they would in a browser.
 */
export function browserOn(deps: () => ApiDeps, host: string) {
  const jar = new Map<string, string>();
  return {
    cookie(name: string): string | undefined {
      return jar.get(name);
    },
    async call<T>(fn: (caller: Caller) => Promise<T>): Promise<{ result: T; headers: Headers }> {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
      const { caller, resHeaders } = await callerFor(deps(), "storefront", cookie ? { host, cookie } : { host });
      const result = await fn(caller);
      for (const set of resHeaders.getSetCookie()) {
        const [pair = "", ...attributes] = set.split("; ");
        const [name = "", value = ""] = pair.split("=");
        if (attributes.includes("Max-Age=0")) jar.delete(name);
        else jar.set(name, value);
      }
      return { result, headers: resHeaders };
    },
  };
}

/** A demo store's shipping rate by name (and currency, where a store prices one name in several). */
export async function shippingRateOf(admin: Db, tenantSlug: string, name: string, currency?: string): Promise<string> {
  const rate = await admin.shippingRate.findFirstOrThrow({ where: { tenant: { slug: tenantSlug }, name, ...(currency ? { currency } : {}) } });
  return rate.id;
}

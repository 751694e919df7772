import { createTenantResolver } from "@primestore/core/tenants";
import type { Db } from "@primestore/db";
import { createTestPaymentProvider } from "@primestore/payments";
import { createContextFactory, type ApiDeps } from "../context.ts";
import { createCaller } from "../root.ts";

export function testApiDeps(db: Db, adminDb: Db): ApiDeps {
  return { db, readDb: db, adminDb, tenants: createTenantResolver(db), payments: createTestPaymentProvider() };
}

/** A server-side caller as a request with these headers would get it. */
export async function callerFor(deps: ApiDeps, kind: "storefront" | "portal", headers: Record<string, string>) {
  const resHeaders = new Headers();
  const ctx = await createContextFactory(deps, kind)({ req: new Request("http://test.local/", { headers }), resHeaders });
  return { caller: createCaller(ctx), resHeaders };
}

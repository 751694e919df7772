import { cachedCatalogRead } from "@primestore/core/catalog";
import { type Tx, withTenant } from "@primestore/db";
import type { ApiDeps } from "../../context.ts";

/** A storefront catalog read: from the catalog cache, else from the read database in the tenant's scope. */
export function catalogRead<T>(ctx: { deps: ApiDeps; tenant: { id: string } }, query: string, key: unknown, load: (tx: Tx) => Promise<T>): Promise<T> {
  return cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, query, key, () => withTenant(ctx.deps.readDb, ctx.tenant.id, load));
}

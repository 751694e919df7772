import type { Db } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";

export type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransactionOptions {
  timeoutMs?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

function assertUuid(kind: string, id: string): void {
  if (!UUID.test(id)) throw new TypeError(`${kind} must be a uuid, got ${JSON.stringify(id)}`);
}

/**
 * Runs `fn` in one transaction whose row-level security scope is `tenantId`.
 * `set_config(..., true)` is transaction-local, so the scope can never leak to the next user
 * of a pooled connection (PgBouncer in transaction mode included), and a throw rolls back all.
 */
export async function withTenant<T>(
  db: Db,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  assertUuid("tenantId", tenantId);
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 10_000, isolationLevel: options.isolationLevel },
  );
}

/** A user's own memberships across tenants are readable without a tenant scope (portal sign-in). */
export async function withUser<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertUuid("userId", userId);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('app.user_id', ${userId}, true)`;
    return fn(tx);
  });
}

import { type AuditEntry, recordAudit } from "@primestore/core/audit";
import { type Tx, withTenant } from "@primestore/db";
import type { Context } from "../context.ts";

/** A store write made from the portal and the audit line that records it, in one transaction: both or neither. */
export function auditedWrite<T>(
  ctx: Pick<Context, "db"> & { tenant: { id: string }; user: { id: string } },
  write: (tx: Tx) => Promise<T>,
  entry: (result: T) => AuditEntry,
): Promise<T> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const result = await write(tx);
    await recordAudit(tx, ctx.tenant.id, { type: "user", id: ctx.user.id }, entry(result));
    return result;
  });
}

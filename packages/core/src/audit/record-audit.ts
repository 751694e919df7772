import type { Prisma, Tx } from "@primestore/db";

/** Who did it: a member of the store's team, platform staff, or the platform itself (a job). */
export type AuditActor = { type: "user" | "staff"; id: string } | { type: "system"; id?: undefined };

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `member.role_changed`. */
  action: string;
  entity: string;
  entityId?: string;
  /** What changed, enough to read the entry without the row (which may be gone). */
  data?: Prisma.InputJsonObject;
}

/**
 * One line of the store's audit log, written in the transaction of the change it records: the two
 * commit together or not at all.
 */
export async function recordAudit(tx: Tx, tenantId: string, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: { tenantId, actorType: actor.type, actorId: actor.id ?? null, action: entry.action, entity: entry.entity, entityId: entry.entityId ?? null, data: entry.data ?? {} },
  });
}

import type { Prisma, Tx } from "@primestore/db";
import { z } from "zod";

export const auditFilter = z.object({
  entity: z.string().trim().min(1).max(40).optional(),
  actorId: z.uuid().optional(),
  from: z.date().optional(),
  /** Inclusive: the whole of that day when a page sends a date. */
  to: z.date().optional(),
  /** The last entry of the previous page (ids are UUIDv7: time-ordered). */
  before: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type AuditFilter = z.input<typeof auditFilter>;

/**
 * The store's audit log, newest first, filtered by area, person and dates, a page at a time. Each
 * entry names its actor as they are now (a removed member still has a name); the filter offers
 * every area and person that appears in the log.
 */
export async function listAudit(tx: Tx, raw: AuditFilter) {
  const filter = auditFilter.parse(raw);
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
  const [rows, entities, actors] = await Promise.all([
    tx.auditLog.findMany({ where, orderBy: { id: "desc" }, take: filter.limit + 1 }),
    tx.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    tx.auditLog.findMany({ where: { actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true } }),
  ]);
  const people = await tx.user.findMany({ where: { id: { in: actors.map((actor) => actor.actorId!) } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
  const byId = new Map(people.map((person) => [person.id, person]));
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.createdAt,
      actorType: row.actorType,
      actor: row.actorId ? (byId.get(row.actorId) ?? null) : null,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      data: row.data as Record<string, unknown>,
    })),
    next: rows.length > filter.limit ? page.at(-1)!.id : null,
    entities: entities.map((row) => row.entity),
    people,
  };
}

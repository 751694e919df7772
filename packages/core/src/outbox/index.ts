import type { Db, Prisma, Tx } from "@primestore/db";

/**
 * Records a domain event in the caller's transaction: it exists if and only if the state change
 * committed. The worker's relay publishes it (at least once); consumers are idempotent.
 */
export async function recordEvent(tx: Tx, tenantId: string, type: string, payload: Prisma.InputJsonObject): Promise<string> {
  const event = await tx.outboxEvent.create({ data: { tenantId, type, payload }, select: { id: true } });
  return event.id;
}

/**
 * An event of the platform's own, about no store (a portal user's password reset): the only kind
 * the database lets belong to no tenant, and only with a `user.` type. Written without RETURNING:
 * no app policy may read such a row back, which is the point.
 */
export async function recordPlatformEvent(db: Db | Tx, type: `user.${string}`, payload: Prisma.InputJsonObject): Promise<void> {
  await db.$executeRaw`INSERT INTO outbox_events (id, "tenantId", type, payload) VALUES (primestore_uuid7(), NULL, ${type}, ${JSON.stringify(payload)}::jsonb)`;
}

import type { Prisma, Tx } from "@primestore/db";

/**
 * Records a domain event in the caller's transaction: it exists if and only if the state change
 * committed. The worker's relay publishes it (at least once); consumers are idempotent.
 */
export async function recordEvent(tx: Tx, tenantId: string, type: string, payload: Prisma.InputJsonObject): Promise<string> {
  const event = await tx.outboxEvent.create({ data: { tenantId, type, payload }, select: { id: true } });
  return event.id;
}

import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";

/**
 * Refuses to leave the store without an owner. The owners' rows are locked first (in id order, so
 * two owners demoting each other at once queue rather than deadlock); the second then sees the
 * first's change and finds itself the last one.
 */
export async function assertAnotherOwner(tx: Tx, tenantId: string, leavingMemberId: string): Promise<void> {
  const owners = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM memberships WHERE "tenantId" = ${tenantId}::uuid AND role = 'owner' ORDER BY id FOR UPDATE`;
  if (!owners.some((owner) => owner.id !== leavingMemberId)) throw new AppError("LAST_OWNER", "The store must keep at least one owner");
}

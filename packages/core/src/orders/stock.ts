import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";

/**
 * Takes `quantity` units of a variant from the first own location that has them. The guarded
 * UPDATE is atomic: two shoppers racing for the last unit can't both succeed, stock never < 0.
 */
export async function takeStock(tx: Tx, variantId: string, quantity: number): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ locationId: string }>>`
    UPDATE inventory_levels SET "onHand" = "onHand" - ${quantity}, "updatedAt" = now()
    WHERE ctid = (
      SELECT ctid FROM inventory_levels
      WHERE "variantId" = ${variantId}::uuid AND "onHand" - "reserved" >= ${quantity}
      ORDER BY "locationId" LIMIT 1 FOR UPDATE
    ) AND "onHand" - "reserved" >= ${quantity}
    RETURNING "locationId"`;
  const taken = rows[0];
  if (!taken) throw new AppError("OUT_OF_STOCK", `Not enough stock for ${variantId}`, { variantId });
  return taken.locationId;
}

export async function returnStock(tx: Tx, variantId: string, locationId: string, quantity: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE inventory_levels SET "onHand" = "onHand" + ${quantity}, "updatedAt" = now()
    WHERE "variantId" = ${variantId}::uuid AND "locationId" = ${locationId}::uuid`;
}

export async function nextCounter(tx: Tx, tenantId: string, name: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ value: bigint }>>`
    INSERT INTO tenant_counters ("tenantId", name, value) VALUES (${tenantId}::uuid, ${name}, 1)
    ON CONFLICT ("tenantId", name) DO UPDATE SET value = tenant_counters.value + 1
    RETURNING value`;
  return Number(rows[0]!.value);
}

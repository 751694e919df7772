import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";

/**
 * Holds `quantity` units of a variant at the first own location that has them free
 * (primestore_reserve_stock, which the checkout's primestore_place_order uses too). The database's
 * invariant trigger keeps reserved <= onHand whatever the code does.
 */
export async function reserveStock(tx: Tx, variantId: string, quantity: number): Promise<string> {
  const [held] = await tx.$queryRaw<Array<{ locationId: string | null }>>`SELECT primestore_reserve_stock(${variantId}::uuid, ${quantity}::int) AS "locationId"`;
  if (!held?.locationId) throw new AppError("OUT_OF_STOCK", `Not enough stock for ${variantId}`, { variantId });
  return held.locationId;
}

/** The order's active holds, in a fixed order so concurrent settlements lock stock rows alike. */
function activeReservations(tx: Tx, orderId: string) {
  return tx.inventoryReservation.findMany({ where: { orderId, status: "active" }, orderBy: [{ variantId: "asc" }, { locationId: "asc" }] });
}

/** Not paid: the held units are free again. Returns the carts the order came from. */
export async function releaseReservations(tx: Tx, orderId: string): Promise<string[]> {
  const held = await activeReservations(tx, orderId);
  for (const reservation of held) {
    await tx.$executeRaw`
      UPDATE inventory_levels SET "reserved" = "reserved" - ${reservation.quantity}, "updatedAt" = now()
      WHERE "variantId" = ${reservation.variantId}::uuid AND "locationId" = ${reservation.locationId}::uuid`;
  }
  await tx.inventoryReservation.updateMany({ where: { orderId, status: "active" }, data: { status: "released" } });
  return [...new Set(held.flatMap((reservation) => (reservation.cartId ? [reservation.cartId] : [])))];
}

import type { Tx } from "@primestore/db";

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
      WHERE "tenantId" = ${reservation.tenantId}::uuid AND "variantId" = ${reservation.variantId}::uuid AND "locationId" = ${reservation.locationId}::uuid`;
  }
  await tx.inventoryReservation.updateMany({ where: { orderId, status: "active" }, data: { status: "released" } });
  return [...new Set(held.flatMap((reservation) => (reservation.cartId ? [reservation.cartId] : [])))];
}

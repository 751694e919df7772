import type { Tx } from "@primestore/db";
import { availableUnits } from "../catalog/availability.ts";
import { AppError } from "../errors/index.ts";

/**
 * Units of a variant a shopper may put in a cart. Row-level security already hides other
 * tenants' variants; a product that isn't on sale (draft, archived) counts as not found too.
 */
export async function purchasableUnits(tx: Tx, variantId: string): Promise<number> {
  const variant = await tx.variant.findFirst({ where: { id: variantId, product: { status: "active" } }, include: { inventoryLevels: true } });
  if (!variant) throw new AppError("NOT_FOUND", `Variant ${variantId} not found`);
  return availableUnits(variant.inventoryLevels);
}

/** The cart holds no stock (checkout takes it), but it never asks for more than there is now. */
export function assertInStock(variantId: string, quantity: number, available: number): void {
  if (quantity > available) throw new AppError("OUT_OF_STOCK", `Only ${available} of ${variantId} available`, { variantId, available });
}

import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import type { OrderLineInput } from "./schemas.ts";

/**
 * Lines at the price list's prices now, whatever a page said: the price list is the only source.
 * Also what shipping is priced on: the subtotal and the weight.
 */
export async function priceLines(tx: Tx, lines: readonly OrderLineInput[], currency: string) {
  const variants = await tx.variant.findMany({
    where: { id: { in: lines.map((line) => line.variantId) }, product: { status: "active" } },
    include: { prices: { where: { currency } }, product: true },
  });
  const priced = lines.map((line) => {
    const variant = variants.find((candidate) => candidate.id === line.variantId);
    if (!variant) throw new AppError("NOT_FOUND", `Variant ${line.variantId} not found`);
    const price = variant.prices[0];
    if (!price) throw new AppError("PRICE_MISSING", `No ${currency} price for ${variant.sku}`);
    return { ...line, variant, unitPrice: price.amount, total: BigInt(price.amount) * BigInt(line.quantity) };
  });
  return {
    lines: priced,
    subtotal: priced.reduce((sum, line) => sum + line.total, 0n),
    weightGrams: priced.reduce((sum, line) => sum + line.variant.weightGrams * line.quantity, 0),
  };
}

import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import type { OrderLineInput } from "./schemas.ts";

/** A sellable variant as an order prices it: its price in the order's currency, if it has one. */
export interface LineVariant {
  id: string;
  sku: string;
  title: string;
  productTitle: string;
  weightGrams: number;
  price: number | null;
}

/** The variants of active products among `variantIds`, priced in `currency`. */
export async function readLineVariants(tx: Tx, variantIds: readonly string[], currency: string): Promise<LineVariant[]> {
  const variants = await tx.variant.findMany({
    where: { id: { in: [...variantIds] }, product: { status: "active" } },
    include: { prices: { where: { currency } }, product: { select: { title: true } } },
  });
  return variants.map((variant) => ({
    id: variant.id,
    sku: variant.sku,
    title: variant.title,
    productTitle: variant.product.title,
    weightGrams: variant.weightGrams,
    price: variant.prices[0]?.amount ?? null,
  }));
}

/**
 * Lines at the price list's prices now, whatever a page said: the price list is the only source.
 * Also what shipping is priced on: the subtotal and the weight.
 */
export function priceLines(variants: readonly LineVariant[], lines: readonly OrderLineInput[], currency: string) {
  const priced = lines.map((line) => {
    const variant = variants.find((candidate) => candidate.id === line.variantId);
    if (!variant) throw new AppError("NOT_FOUND", `Variant ${line.variantId} not found`);
    if (variant.price === null) throw new AppError("PRICE_MISSING", `No ${currency} price for ${variant.sku}`);
    return { ...line, variant, unitPrice: variant.price, total: BigInt(variant.price) * BigInt(line.quantity) };
  });
  return {
    lines: priced,
    subtotal: priced.reduce((sum, line) => sum + line.total, 0n),
    weightGrams: priced.reduce((sum, line) => sum + line.variant.weightGrams * line.quantity, 0),
  };
}

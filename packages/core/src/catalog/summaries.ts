import type { Tx } from "@primestore/db";
import type { ProductSummary } from "./schemas.ts";

/**
 * Cards for these active products, in the order given (a ranking or a listing decided it), in one
 * statement: title in `locale` (else the default-locale text), first image, and price and stock
 * in `currency` from the listing rows. A product not priced in `currency` has no price and isn't
 * in stock in it.
 */
export async function productSummaries(tx: Tx, ids: readonly string[], currency: string, locale: string): Promise<ProductSummary[]> {
  if (!ids.length) return [];
  const rows = await tx.$queryRaw<ProductSummary[]>`
    SELECT p."id", p."slug", coalesce(tr."title", p."title") AS "title",
           (SELECT i."url" FROM "product_images" i
            WHERE i."tenantId" = p."tenantId" AND i."productId" = p."id" ORDER BY i."position", i."id" LIMIT 1) AS "imageUrl",
           l."price" AS "priceFrom", ${currency} AS "currency", coalesce(l."inStock", false) AS "inStock"
    FROM "products" p
    LEFT JOIN "product_translations" tr ON tr."tenantId" = p."tenantId" AND tr."productId" = p."id" AND tr."locale" = ${locale}
    LEFT JOIN "product_listings" l ON l."tenantId" = p."tenantId" AND l."productId" = p."id" AND l."currency" = ${currency}::char(3)
    WHERE p."id" = ANY (${ids}::uuid[]) AND p."status" = 'active'`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

import type { Tx } from "@primestore/db";

/** One sitemap file holds at most 50,000 URLs (sitemaps.org); larger catalogs need an index. */
export const SITEMAP_MAX_PRODUCTS = 50_000;

export async function listSitemapEntries(tx: Tx): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return tx.product.findMany({
    where: { status: "active" },
    select: { slug: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: SITEMAP_MAX_PRODUCTS,
  });
}

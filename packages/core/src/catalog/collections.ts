import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { localizedName } from "./localized-name.ts";
import type { CategoryLink, FeaturedCollection } from "./schemas.ts";
import { productSummaries } from "./summaries.ts";

export async function collectionId(tx: Tx, slug: string): Promise<string> {
  const collection = await tx.collection.findFirst({ where: { slug }, select: { id: true } });
  if (!collection) throw new AppError("NOT_FOUND", `Collection ${slug} not found`);
  return collection.id;
}

export async function getCollection(tx: Tx, slug: string, locale: string): Promise<CategoryLink> {
  const collection = await tx.collection.findFirst({ where: { slug }, select: { slug: true, name: true, translations: true } });
  if (!collection) throw new AppError("NOT_FOUND", `Collection ${slug} not found`);
  return { slug: collection.slug, name: localizedName(collection, locale) };
}

/** The home page's shelves: featured collections in order, each with its first products (curated order) sold in `currency`. */
export async function featuredCollections(tx: Tx, currency: string, locale: string, perCollection: number): Promise<FeaturedCollection[]> {
  const collections = await tx.collection.findMany({
    where: { featured: true },
    select: { id: true, slug: true, name: true, translations: true },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  if (!collections.length) return [];
  const shelves = await tx.$queryRaw<Array<{ collectionId: string; productIds: string[] }>>`
    SELECT c.id AS "collectionId",
           ARRAY(SELECT cp."productId" FROM "collection_products" cp
                 JOIN "product_listings" l ON l."tenantId" = cp."tenantId" AND l."productId" = cp."productId" AND l."currency" = ${currency}::char(3)
                 WHERE cp."tenantId" = c."tenantId" AND cp."collectionId" = c."id"
                 ORDER BY cp."position", cp."productId" LIMIT ${perCollection}) AS "productIds"
    FROM "collections" c WHERE c."id" = ANY (${collections.map((collection) => collection.id)}::uuid[])`;
  const idsOf = new Map(shelves.map((shelf) => [shelf.collectionId, shelf.productIds]));
  const summaries = await productSummaries(tx, [...new Set(shelves.flatMap((shelf) => shelf.productIds))], currency, locale);
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  return collections.map((collection) => ({
    slug: collection.slug,
    name: localizedName(collection, locale),
    products: (idsOf.get(collection.id) ?? []).flatMap((id) => byId.get(id) ?? []),
  }));
}

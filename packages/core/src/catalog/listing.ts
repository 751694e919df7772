import { Prisma, type Tx } from "@primestore/db";
import { categorySubtree } from "./categories.ts";
import { collectionId } from "./collections.ts";
import { LISTING_MAX_PAGE, type Listing, type ListingInput, type ListingSort, type OptionFacet } from "./schemas.ts";
import { productSummaries } from "./summaries.ts";

// Listings read product_listings (migration add_product_listings): one row per active product
// and currency with what the filters and sorts need, each sort served by an index. See
// docs/decisions/010 for the choices (offset pages with a cap, facets per scope).

/** How listing rows name an option value (name, unit separator, value): see the migration. */
const OPTION_SEPARATOR = "\u001f";

/** The products a page lists from before any filter: a category with its descendants, and/or a collection. */
export interface ListingScope {
  currency: string;
  category?: string;
  collection?: string;
}

interface ResolvedScope {
  categoryIds?: string[];
  collectionId?: string;
}

async function resolveScope(tx: Tx, scope: ListingScope): Promise<ResolvedScope> {
  return {
    categoryIds: scope.category ? await categorySubtree(tx, scope.category) : undefined,
    collectionId: scope.collection ? await collectionId(tx, scope.collection) : undefined,
  };
}

function scopeJoin(scope: ResolvedScope): Prisma.Sql {
  return scope.collectionId
    ? Prisma.sql`JOIN "collection_products" cp ON cp."tenantId" = l."tenantId" AND cp."productId" = l."productId" AND cp."collectionId" = ${scope.collectionId}::uuid`
    : Prisma.empty;
}

function scopeFilter(scope: ResolvedScope): Prisma.Sql {
  return scope.categoryIds
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "product_categories" pc
        WHERE pc."tenantId" = l."tenantId" AND pc."productId" = l."productId" AND pc."categoryId" = ANY (${scope.categoryIds}::uuid[]))`
    : Prisma.empty;
}

function filters(input: ListingInput): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (input.priceMin !== undefined) conditions.push(Prisma.sql`AND l."price" >= ${input.priceMin}`);
  if (input.priceMax !== undefined) conditions.push(Prisma.sql`AND l."price" <= ${input.priceMax}`);
  if (input.inStock) conditions.push(Prisma.sql`AND l."inStock"`);
  for (const [name, values] of Object.entries(input.options)) {
    conditions.push(Prisma.sql`AND l."options" && ${values.map((value) => `${name}${OPTION_SEPARATOR}${value}`)}::text[]`);
  }
  return conditions.length ? Prisma.join(conditions, " ", "", "") : Prisma.empty;
}

/**
 * Each order ends with the product id, so pages never overlap or skip a product, and each matches
 * an index of product_listings (read forwards or backwards) except a collection's curated order.
 */
function orderBy(sort: ListingSort, scope: ResolvedScope): Prisma.Sql {
  switch (sort) {
    case "newest":
      return Prisma.sql`l."createdAt" DESC, l."productId" DESC`;
    case "price_asc":
      return Prisma.sql`l."price", l."productId"`;
    case "price_desc":
      return Prisma.sql`l."price" DESC, l."productId" DESC`;
    case "relevance":
      // A collection is curated; elsewhere what can be bought now comes first, newest first.
      return scope.collectionId
        ? Prisma.sql`cp."position", l."productId" DESC`
        : Prisma.sql`l."inStock" DESC, l."createdAt" DESC, l."productId" DESC`;
  }
}

/** Pages linked beyond the current one: matches are counted only that far. */
const LOOKAHEAD_PAGES = 4;

/**
 * One page of a category, collection or the whole catalog, filtered and sorted, in the shopper's
 * currency and language. Matches are counted only a few pages past the current one (and never past
 * the last linkable page), so a page costs index entries in proportion to its depth, not to the
 * size of the catalog.
 */
export async function listCatalog(tx: Tx, input: ListingInput): Promise<Omit<Listing, "facets">> {
  const scope = await resolveScope(tx, input);
  const reachable = Math.min(input.page + LOOKAHEAD_PAGES, LISTING_MAX_PAGE) * input.limit;
  const offset = (input.page - 1) * input.limit;
  const order = orderBy(input.sort, scope);
  const [result] = await tx.$queryRaw<Array<{ matched: number; ids: string[] }>>`
    WITH matches AS MATERIALIZED (
      SELECT l."productId", row_number() OVER (ORDER BY ${order}) AS rank
      FROM "product_listings" l ${scopeJoin(scope)}
      WHERE l."currency" = ${input.currency}::char(3) ${scopeFilter(scope)} ${filters(input)}
      ORDER BY ${order}
      LIMIT ${reachable + 1}
    )
    SELECT (SELECT count(*)::int FROM matches) AS matched,
           ARRAY(SELECT m."productId" FROM matches m WHERE m.rank > ${offset} AND m.rank <= ${offset + input.limit} ORDER BY m.rank) AS ids`;
  const matched = result?.matched ?? 0;
  return {
    items: await productSummaries(tx, result?.ids ?? [], input.currency, input.locale),
    page: input.page,
    pageCount: Math.max(1, Math.ceil(Math.min(matched, reachable) / input.limit)),
    morePages: matched > reachable,
  };
}

/** Option values of the scope's products in `currency`, with how many products have each: the filter form's choices. */
export async function listingFacets(tx: Tx, input: ListingScope): Promise<OptionFacet[]> {
  const scope = await resolveScope(tx, input);
  const rows = await tx.$queryRaw<Array<{ name: string; value: string; count: number }>>`
    SELECT split_part(o.pair, chr(31), 1) AS name, substr(o.pair, strpos(o.pair, chr(31)) + 1) AS value, count(*)::int AS count
    FROM "product_listings" l ${scopeJoin(scope)} CROSS JOIN LATERAL unnest(l."options") AS o(pair)
    WHERE l."currency" = ${input.currency}::char(3) ${scopeFilter(scope)}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  const facets = new Map<string, OptionFacet>();
  for (const row of rows) {
    const facet = facets.get(row.name) ?? { name: row.name, values: [] };
    facet.values.push({ value: row.value, count: row.count });
    facets.set(row.name, facet);
  }
  return [...facets.values()];
}

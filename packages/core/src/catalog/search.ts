import type { Tx } from "@primestore/db";
import type { z } from "zod";
import { productSummaries } from "./summaries.ts";
import { SEARCH_MAX_OFFSET, type ProductSuggestion, type ProductSummary, type searchProductsInput, type suggestProductsInput } from "./schemas.ts";

// Matching and ranking live in the database functions of migration add_product_search: under
// row-level security PostgreSQL can't use the search indexes from a plain query (decision 008).
// They only name products of the transaction's store; everything shown is then read through
// row-level security like any other catalog read.

/**
 * Active products of the transaction's store that match `q` in `locale`: full-text matches
 * (stemmed, accent-insensitive) by rank, then titles within typo distance.
 */
export async function searchProducts(
  tx: Tx,
  input: z.output<typeof searchProductsInput>,
): Promise<{ items: ProductSummary[]; nextCursor: number | null }> {
  const offset = input.cursor ?? 0;
  // One row more than the page tells whether there is a next one.
  const ranked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT s.product_id AS id
    FROM primestore_search_products(${input.q}::text, ${input.locale}::text, ${input.limit + 1}::int, ${offset}::int)
      WITH ORDINALITY AS s(product_id, position)
    ORDER BY s.position`;
  const page = ranked.slice(0, input.limit).map((row) => row.id);
  const next = offset + input.limit;
  return {
    items: await productSummaries(tx, page, input.currency, input.locale),
    nextCursor: ranked.length > input.limit && next <= SEARCH_MAX_OFFSET ? next : null,
  };
}

/** A few active products whose title starts with, contains a word like, or nearly spells `q`: for typing. */
export async function suggestProducts(tx: Tx, input: z.output<typeof suggestProductsInput>): Promise<ProductSuggestion[]> {
  return tx.$queryRaw<ProductSuggestion[]>`
    SELECT s.product_id AS id, p."slug", s.title
    FROM primestore_suggest_products(${input.q}::text, ${input.locale}::text, ${input.limit}::int)
      WITH ORDINALITY AS s(product_id, title, position)
    JOIN "products" p ON p."id" = s.product_id AND p."status" = 'active'
    ORDER BY s.position`;
}

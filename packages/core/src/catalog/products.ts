import { type Db, type PreparedStatement, runPrepared, type Tx } from "@primestore/db";
import type { z } from "zod";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { availableUnits } from "./availability.ts";
import { sanitizeDescription } from "./sanitize.ts";
import { productSummaries } from "./summaries.ts";
import type { CreateProductInput, ProductDetail, ProductSummary, listProductsInput } from "./schemas.ts";

/** Active products of the transaction's tenant, newest first, keyset-paginated by id. */
export async function listProducts(tx: Tx, input: z.output<typeof listProductsInput>): Promise<{ items: ProductSummary[]; nextCursor: string | null }> {
  const rows = await tx.product.findMany({
    where: { status: "active", ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    select: { id: true },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map((row) => row.id);
  return {
    items: await productSummaries(tx, page, input.currency, input.locale),
    nextCursor: rows.length > input.limit ? (page.at(-1) ?? null) : null,
  };
}

type ProductDetailRow = Omit<ProductDetail, "priceFrom" | "inStock" | "currency" | "imageUrl">;

const productPageRead: PreparedStatement = {
  name: "primestore_product_page",
  text: "SELECT primestore_product_page($1::uuid, $2, $3::char(3), $4) AS row",
};

/**
 * A product page's data in one round trip (round trips, not rows, are what a page waits for): text
 * in `locale` with the default-locale fallback, images, options, and each variant's price in
 * `currency` and sellable units. The statement is the SQL function primestore_product_page, which
 * scopes itself to the store under row-level security (docs/decisions/011): no transaction to
 * open, scope and commit around it. It is prepared once per connection (docs/decisions/016).
 */
export async function getProductPage(db: Db | Tx, tenantId: string, slug: string, currency: string, locale: string): Promise<ProductDetail> {
  const [{ row } = { row: null }] = await runPrepared<{ row: ProductDetailRow | null }>(db, productPageRead, [tenantId, slug, currency, locale]);
  if (!row) throw new AppError("NOT_FOUND", `Product ${slug} not found`);
  // As the listing rows count them: only variants priced in this currency can be bought in it.
  const prices = row.variants.flatMap((variant) => (variant.price === null ? [] : [variant.price]));
  return {
    ...row,
    // Descriptions are sanitised when sellers save them; translations may come from imports, and
    // the page renders this as HTML, so it is sanitised again here (once per cache entry).
    description: sanitizeDescription(row.description),
    imageUrl: row.images[0]?.url ?? null,
    priceFrom: prices.length ? Math.min(...prices) : null,
    currency,
    inStock: row.variants.some((variant) => variant.price !== null && variant.available > 0),
    options: row.options.length ? row.options : optionsOfVariants(row.variants),
  };
}

/** Products imported without option rows still name their options on each variant. */
function optionsOfVariants(variants: ProductDetail["variants"]): ProductDetail["options"] {
  const options = new Map<string, Set<string>>();
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) options.set(name, (options.get(name) ?? new Set()).add(value));
  }
  return [...options].map(([name, values]) => ({ name, values: [...values] }));
}

/** Sellers' list: every status, with stock. */
export async function listProductsForSeller(tx: Tx, currency: string) {
  const rows = await tx.product.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { variants: { include: { prices: { where: { currency } }, inventoryLevels: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    variantCount: row.variants.length,
    price: row.variants[0]?.prices[0]?.amount ?? null,
    stock: row.variants.reduce((sum, variant) => sum + availableUnits(variant.inventoryLevels), 0),
  }));
}

/** A product with one variant, its prices and stock at the tenant's own default location. */
export async function createProduct(tx: Tx, tenantId: string, input: CreateProductInput, enabledCurrencies: readonly string[]) {
  const foreign = Object.keys(input.prices).filter((currency) => !enabledCurrencies.includes(currency));
  if (foreign.length) throw new AppError("CURRENCY_NOT_ENABLED", `Currencies not enabled: ${foreign.join(", ")}`, { currencies: foreign });
  try {
    const product = await tx.product.create({
      data: { tenantId, slug: input.slug, title: input.title, description: sanitizeDescription(input.description), status: input.status },
    });
    const variant = await tx.variant.create({
      data: { tenantId, productId: product.id, sku: input.sku, title: input.title },
    });
    await tx.variantPrice.createMany({
      data: Object.entries(input.prices).map(([currency, amount]) => ({ tenantId, variantId: variant.id, currency, amount })),
    });
    const location = await defaultLocation(tx, tenantId);
    await tx.inventoryLevel.create({ data: { tenantId, variantId: variant.id, locationId: location.id, onHand: input.stock } });
    return { id: product.id, slug: product.slug, variantId: variant.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Slug or SKU already in use", { fields: ["slug", "sku"] });
    throw error;
  }
}

export async function defaultLocation(tx: Tx, tenantId: string) {
  const existing = await tx.stockLocation.findFirst({ where: { kind: "own" }, orderBy: { createdAt: "asc" } });
  return existing ?? tx.stockLocation.create({ data: { tenantId, name: "Main", kind: "own" } });
}

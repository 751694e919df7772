import type { Prisma, Tx } from "@primestore/db";
import type { z } from "zod";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { availableUnits } from "./availability.ts";
import { sanitizeDescription } from "./sanitize.ts";
import type { CreateProductInput, ProductDetail, ProductSummary, listProductsInput } from "./schemas.ts";

const summaryInclude = (currency: string, locale: string) =>
  ({
    translations: { where: { locale } },
    images: { orderBy: { position: "asc" }, take: 1 },
    variants: {
      orderBy: { position: "asc" },
      include: { prices: { where: { currency } }, inventoryLevels: true },
    },
  }) satisfies Prisma.ProductInclude;

type ProductRow = Prisma.ProductGetPayload<{ include: ReturnType<typeof summaryInclude> }>;

function toSummary(row: ProductRow, currency: string): ProductSummary {
  const prices = row.variants.flatMap((variant) => variant.prices.map((price) => price.amount));
  const translation = row.translations[0];
  return {
    id: row.id,
    slug: row.slug,
    title: translation?.title ?? row.title,
    imageUrl: row.images[0]?.url ?? null,
    priceFrom: prices.length ? Math.min(...prices) : null,
    currency,
    inStock: row.variants.some((variant) => availableUnits(variant.inventoryLevels) > 0),
  };
}

/** Active products of the transaction's tenant, newest first, keyset-paginated by id. */
export async function listProducts(tx: Tx, input: z.output<typeof listProductsInput>): Promise<{ items: ProductSummary[]; nextCursor: string | null }> {
  const rows = await tx.product.findMany({
    where: { status: "active" },
    include: summaryInclude(input.currency, input.locale),
    orderBy: { id: "desc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => toSummary(row, input.currency)),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Summaries of these active products, in the order given (a search ranks them; a query by id would not keep it). */
export async function productSummaries(tx: Tx, ids: readonly string[], currency: string, locale: string): Promise<ProductSummary[]> {
  if (!ids.length) return [];
  const rows = await tx.product.findMany({
    where: { id: { in: [...ids] }, status: "active" },
    include: summaryInclude(currency, locale),
  });
  const summaries = new Map(rows.map((row) => [row.id, toSummary(row, currency)]));
  return ids.flatMap((id) => summaries.get(id) ?? []);
}

export async function getProductBySlug(tx: Tx, slug: string, currency: string, locale: string): Promise<ProductDetail> {
  const row = await tx.product.findFirst({
    where: { slug, status: "active" },
    include: { ...summaryInclude(currency, locale), images: { orderBy: { position: "asc" } } },
  });
  if (!row) throw new AppError("NOT_FOUND", `Product ${slug} not found`);
  const translation = row.translations[0];
  return {
    ...toSummary(row, currency),
    description: translation?.description || row.description,
    images: row.images.map((image) => ({ url: image.url, alt: image.alt })),
    variants: row.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      title: variant.title,
      options: variant.options as Record<string, string>,
      price: variant.prices[0]?.amount ?? null,
      available: availableUnits(variant.inventoryLevels),
    })),
  };
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

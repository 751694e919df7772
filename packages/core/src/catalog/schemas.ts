import { z } from "zod";

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "ISO-4217 code");
export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and dashes");

export const listProductsInput = z.object({
  currency: currencyCode,
  locale: z.string().min(2).max(10),
  limit: z.number().int().min(1).max(100).default(24),
  cursor: z.uuid().optional(),
});

export const productSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  imageUrl: z.string().nullable(),
  /** Lowest variant price in the requested currency, minor units; null when not priced in it. */
  priceFrom: z.number().int().nullable(),
  currency: z.string(),
  inStock: z.boolean(),
});
export type ProductSummary = z.infer<typeof productSummary>;

export const productDetail = productSummary.extend({
  description: z.string(),
  images: z.array(z.object({ url: z.string(), alt: z.string() })),
  variants: z.array(
    z.object({
      id: z.uuid(),
      sku: z.string(),
      title: z.string(),
      options: z.record(z.string(), z.string()),
      price: z.number().int().nullable(),
      available: z.number().int(),
    }),
  ),
});
export type ProductDetail = z.infer<typeof productDetail>;

export const createProductInput = z.object({
  title: z.string().trim().min(1).max(200),
  slug: slugSchema,
  description: z.string().max(20_000).default(""),
  status: z.enum(["draft", "active"]).default("active"),
  sku: z.string().trim().min(1).max(64),
  /** Minor units per currency, e.g. { BRL: 12990 }. */
  prices: z.record(currencyCode, z.number().int().min(0).max(100_000_000)).refine((p) => Object.keys(p).length > 0, "at least one price"),
  stock: z.number().int().min(0).max(1_000_000).default(0),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

export const SEARCH_TEXT_MIN = 2;
export const SEARCH_TEXT_MAX = 100;
/** Ranked results are read by offset; past this point nobody pages, and the database would rank in vain. */
export const SEARCH_MAX_OFFSET = 1_000;

/**
 * What a shopper types, whitespace collapsed. Text without a letter or digit can match nothing,
 * and control characters (NUL above all, which PostgreSQL refuses in text) never reach the database.
 */
export const searchText = z
  .string()
  .max(SEARCH_TEXT_MAX, `Use at most ${SEARCH_TEXT_MAX} characters`)
  .transform((text) => text.trim().replace(/\s+/gu, " "))
  .pipe(
    z
      .string()
      // One problem at a time: an empty box is too short, not also letterless.
      .min(SEARCH_TEXT_MIN, { error: `Type at least ${SEARCH_TEXT_MIN} characters`, abort: true })
      .regex(/^\P{Cc}*$/u, { error: "Control characters are not allowed", abort: true })
      .regex(/[\p{L}\p{N}]/u, "Include at least one letter or digit"),
  );

export const searchProductsInput = listProductsInput.pick({ currency: true, locale: true }).extend({
  q: searchText,
  limit: z.number().int().min(1).max(48).default(24),
  /** The offset of the page: a rank has no stable key to continue from, unlike the catalog's ids. */
  cursor: z.number().int().min(0).max(SEARCH_MAX_OFFSET).optional(),
});

export const suggestProductsInput = listProductsInput.pick({ locale: true }).extend({
  q: searchText,
  limit: z.number().int().min(1).max(10).default(6),
});

export const productSuggestion = z.object({ id: z.uuid(), slug: z.string(), title: z.string() });
export type ProductSuggestion = z.infer<typeof productSuggestion>;

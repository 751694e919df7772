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
  /** Each option and its values in the seller's order, for one picker per option. */
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
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

// ───────────── listings (category, collection and all-products pages) ─────────────

/** Listings are read by page number; past this page, shoppers narrow with filters (decision 010). */
export const LISTING_MAX_PAGE = 50;
export const LISTING_PAGE_SIZE = 24;
export const listingSorts = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type ListingSort = (typeof listingSorts)[number];

const optionText = z.string().trim().min(1).max(60);
const minorUnits = z.number().int().min(0).max(100_000_000);

export const listingInput = z
  .object({
    currency: currencyCode,
    locale: z.string().min(2).max(10),
    category: slugSchema.optional(),
    collection: slugSchema.optional(),
    /** The lowest variant price must fall in [priceMin, priceMax], minor units of `currency`. */
    priceMin: minorUnits.optional(),
    priceMax: minorUnits.optional(),
    /** Option name -> accepted values: any value of one option, every option named (Cor=Azul or Verde, and Tamanho=M). */
    options: z
      .record(optionText, z.array(optionText).min(1).max(20))
      .refine((options) => Object.keys(options).length <= 10, "at most 10 options")
      .default({}),
    inStock: z.boolean().default(false),
    sort: z.enum(listingSorts).default("relevance"),
    page: z.number().int().min(1).max(LISTING_MAX_PAGE).default(1),
    limit: z.number().int().min(1).max(48).default(LISTING_PAGE_SIZE),
  })
  .refine((input) => input.priceMin === undefined || input.priceMax === undefined || input.priceMin <= input.priceMax, {
    message: "The minimum price can't be above the maximum",
    path: ["priceMax"],
  });
export type ListingInput = z.output<typeof listingInput>;

export const optionFacet = z.object({
  name: z.string(),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type OptionFacet = z.infer<typeof optionFacet>;

export const listingOutput = z.object({
  items: z.array(productSummary),
  page: z.number().int(),
  /** Pages known to exist: up to a few past this one, never past LISTING_MAX_PAGE. */
  pageCount: z.number().int(),
  /** More products match beyond `pageCount` (further pages, or past the last linkable one). */
  morePages: z.boolean(),
  /** Option values of the products in the listing's category or collection (before the other filters), with counts. */
  facets: z.array(optionFacet),
});
export type Listing = z.infer<typeof listingOutput>;

export const categoryLink = z.object({ slug: z.string(), name: z.string() });
export type CategoryLink = z.infer<typeof categoryLink>;

export const categoryPage = z.object({
  category: categoryLink,
  /** From the top-level category down to the parent. */
  breadcrumb: z.array(categoryLink),
  children: z.array(categoryLink),
});
export type CategoryPage = z.infer<typeof categoryPage>;

export const featuredCollection = categoryLink.extend({ products: z.array(productSummary) });
export type FeaturedCollection = z.infer<typeof featuredCollection>;

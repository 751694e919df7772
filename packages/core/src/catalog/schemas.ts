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

import { cachedCatalogRead, currencyCode, getProductBySlug, productDetail, slugSchema } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const getProductInput = z.object({ slug: slugSchema, currency: currencyCode, locale: z.string().min(2).max(10) });

export const getProductRoute = publicProcedure
  .input(getProductInput)
  .output(productDetail)
  .query(({ ctx, input }) =>
    cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, "get", input, () =>
      withTenant(ctx.deps.readDb, ctx.tenant.id, (tx) => getProductBySlug(tx, input.slug, input.currency, input.locale)),
    ),
  );

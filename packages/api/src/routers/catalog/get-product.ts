import { cachedCatalogRead, currencyCode, getProductPage, productDetail, slugSchema } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const getProductInput = z.object({ slug: slugSchema, currency: currencyCode, locale: z.string().min(2).max(10) });

export const getProductRoute = publicProcedure
  .input(getProductInput)
  .output(productDetail)
  .query(({ ctx, input }) =>
    cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, "get", input, () =>
      getProductPage(ctx.deps.readDb, ctx.tenant.id, input.slug, input.currency, input.locale),
    ),
  );

import { cachedCatalogRead, productSummary, searchProducts, searchProductsInput } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const searchProductsOutput = z.object({ items: z.array(productSummary), nextCursor: z.number().int().nullable() });

export const searchProductsRoute = publicProcedure
  .input(searchProductsInput)
  .output(searchProductsOutput)
  .query(({ ctx, input }) =>
    cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, "search", input, () => withTenant(ctx.deps.readDb, ctx.tenant.id, (tx) => searchProducts(tx, input))),
  );

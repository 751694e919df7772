import { cachedCatalogRead, listProducts, listProductsInput, productSummary } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const listProductsOutput = z.object({ items: z.array(productSummary), nextCursor: z.uuid().nullable() });

export const listProductsRoute = publicProcedure
  .input(listProductsInput)
  .output(listProductsOutput)
  .query(({ ctx, input }) =>
    cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, "list", input, () => withTenant(ctx.deps.readDb, ctx.tenant.id, (tx) => listProducts(tx, input))),
  );

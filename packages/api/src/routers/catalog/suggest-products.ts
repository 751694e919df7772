import { cachedCatalogRead, productSuggestion, suggestProducts, suggestProductsInput } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const suggestProductsRoute = publicProcedure
  .input(suggestProductsInput)
  .output(z.array(productSuggestion))
  .query(({ ctx, input }) =>
    cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, "suggest", input, () => withTenant(ctx.deps.readDb, ctx.tenant.id, (tx) => suggestProducts(tx, input))),
  );

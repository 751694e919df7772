import { createProduct, invalidateCatalog, createProductInput } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const createProductRoute = sellerProcedure("catalog:write")
  .input(createProductInput)
  .output(z.object({ id: z.uuid(), slug: z.string(), variantId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const created = await withTenant(ctx.db, ctx.tenant.id, (tx) => createProduct(tx, ctx.tenant.id, input, ctx.tenant.currencies));
    await invalidateCatalog(ctx.deps.cache, ctx.tenant.id);
    return created;
  });

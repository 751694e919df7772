import { createProduct, invalidateCatalog, createProductInput } from "@primestore/core/catalog";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";
import { auditedWrite } from "../audited-write.ts";

export const createProductRoute = sellerProcedure("catalog:write")
  .input(createProductInput)
  .output(z.object({ id: z.uuid(), slug: z.string(), variantId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const created = await auditedWrite(
      ctx,
      (tx) => createProduct(tx, ctx.tenant.id, input, ctx.tenant.currencies),
      (product) => ({ action: "product.created", entity: "product", entityId: product.id, data: { title: input.title, slug: product.slug } }),
    );
    await invalidateCatalog(ctx.deps.cache, ctx.tenant.id);
    return created;
  });

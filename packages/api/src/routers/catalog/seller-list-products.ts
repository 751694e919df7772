import { listProductsForSeller } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { sellerProcedure } from "../../trpc.ts";

export const sellerProductRow = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(["draft", "active", "archived"]),
  variantCount: z.number().int(),
  price: z.number().int().nullable(),
  stock: z.number().int(),
});

export const sellerListProductsRoute = sellerProcedure("catalog:read")
  .input(z.object({}).optional())
  .output(z.object({ currency: z.string(), items: z.array(sellerProductRow) }))
  .query(async ({ ctx }) => {
    const currency = ctx.tenant.defaultCurrency;
    const items = await withTenant(ctx.db, ctx.tenant.id, (tx) => listProductsForSeller(tx, currency));
    return { currency, items };
  });

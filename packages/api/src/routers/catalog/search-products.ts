import { productSummary, searchProducts, searchProductsInput } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const searchProductsOutput = z.object({ items: z.array(productSummary), nextCursor: z.number().int().nullable() });

export const searchProductsRoute = publicProcedure
  .input(searchProductsInput)
  .output(searchProductsOutput)
  .query(({ ctx, input }) => catalogRead(ctx, "search", input, (tx) => searchProducts(tx, input)));

import { listProducts, listProductsInput, productSummary } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const listProductsOutput = z.object({ items: z.array(productSummary), nextCursor: z.uuid().nullable() });

export const listProductsRoute = publicProcedure
  .input(listProductsInput)
  .output(listProductsOutput)
  .query(({ ctx, input }) => catalogRead(ctx, "list", input, (tx) => listProducts(tx, input)));

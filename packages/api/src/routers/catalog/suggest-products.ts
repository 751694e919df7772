import { productSuggestion, suggestProducts, suggestProductsInput } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const suggestProductsRoute = publicProcedure
  .input(suggestProductsInput)
  .output(z.array(productSuggestion))
  .query(({ ctx, input }) => catalogRead(ctx, "suggest", input, (tx) => suggestProducts(tx, input)));

import { categoryPage, getCategoryPage, slugSchema } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const categoryRoute = publicProcedure
  .input(z.object({ slug: slugSchema, locale: z.string().min(2).max(10) }))
  .output(categoryPage)
  .query(({ ctx, input }) => catalogRead(ctx, "category", input, (tx) => getCategoryPage(tx, input.slug, input.locale)));

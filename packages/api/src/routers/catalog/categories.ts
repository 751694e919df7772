import { categoryLink, topCategories } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const categoriesRoute = publicProcedure
  .input(z.object({ locale: z.string().min(2).max(10) }))
  .output(z.array(categoryLink))
  .query(({ ctx, input }) => catalogRead(ctx, "categories", input, (tx) => topCategories(tx, input.locale)));

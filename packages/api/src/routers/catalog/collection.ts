import { categoryLink, getCollection, slugSchema } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const collectionRoute = publicProcedure
  .input(z.object({ slug: slugSchema, locale: z.string().min(2).max(10) }))
  .output(categoryLink)
  .query(({ ctx, input }) => catalogRead(ctx, "collection", input, (tx) => getCollection(tx, input.slug, input.locale)));

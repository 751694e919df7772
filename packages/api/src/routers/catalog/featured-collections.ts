import { currencyCode, featuredCollection, featuredCollections } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const featuredCollectionsRoute = publicProcedure
  .input(z.object({ currency: currencyCode, locale: z.string().min(2).max(10), perCollection: z.number().int().min(1).max(12).default(4) }))
  .output(z.array(featuredCollection))
  .query(({ ctx, input }) =>
    catalogRead(ctx, "featured", input, (tx) => featuredCollections(tx, input.currency, input.locale, input.perCollection)),
  );

import { listCatalog, listingFacets, listingInput, listingOutput } from "@primestore/core/catalog";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const listingRoute = publicProcedure
  .input(listingInput)
  .output(listingOutput)
  .query(async ({ ctx, input }) => {
    // Facets depend only on the scope, so every filter combination of a page shares one entry.
    const scope = { currency: input.currency, category: input.category, collection: input.collection };
    const [page, facets] = await Promise.all([
      catalogRead(ctx, "listing", input, (tx) => listCatalog(tx, input)),
      catalogRead(ctx, "facets", scope, (tx) => listingFacets(tx, scope)),
    ]);
    return { ...page, facets };
  });

import { listSitemapEntries } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const sitemapRoute = publicProcedure
  .input(z.object({}).optional())
  .output(z.array(z.object({ slug: z.string(), updatedAt: z.date() })))
  .query(({ ctx }) =>
    // Cached values may come back from JSON (Redis): dates are rebuilt here.
    catalogRead(ctx, "sitemap", {}, listSitemapEntries).then((entries) => entries.map((entry) => ({ slug: entry.slug, updatedAt: new Date(entry.updatedAt) }))),
  );

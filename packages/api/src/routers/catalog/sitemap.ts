import { cachedCatalogRead, listSitemapEntries } from "@primestore/core/catalog";
import { withTenant } from "@primestore/db";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const sitemapRoute = publicProcedure
  .input(z.object({}).optional())
  .output(z.array(z.object({ slug: z.string(), updatedAt: z.date() })))
  .query(({ ctx }) =>
    cachedCatalogRead(ctx.deps.cache, ctx.tenant.id, "sitemap", {}, async () =>
      withTenant(ctx.deps.readDb, ctx.tenant.id, (tx) => listSitemapEntries(tx)),
    ).then((entries) => entries.map((entry) => ({ slug: entry.slug, updatedAt: new Date(entry.updatedAt) }))),
  );

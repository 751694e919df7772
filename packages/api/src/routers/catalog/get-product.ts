import { currencyCode, getProductBySlug, productDetail, slugSchema } from "@primestore/core/catalog";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";
import { catalogRead } from "./cached-read.ts";

export const getProductInput = z.object({ slug: slugSchema, currency: currencyCode, locale: z.string().min(2).max(10) });

export const getProductRoute = publicProcedure
  .input(getProductInput)
  .output(productDetail)
  .query(({ ctx, input }) => catalogRead(ctx, "get", input, (tx) => getProductBySlug(tx, input.slug, input.currency, input.locale)));

import { router } from "../../trpc.ts";
import { createProductRoute } from "./create-product.ts";
import { getProductRoute } from "./get-product.ts";
import { listProductsRoute } from "./list-products.ts";
import { searchProductsRoute } from "./search-products.ts";
import { sellerListProductsRoute } from "./seller-list-products.ts";
import { sitemapRoute } from "./sitemap.ts";
import { suggestProductsRoute } from "./suggest-products.ts";

export const catalogRouter = router({
  list: listProductsRoute,
  get: getProductRoute,
  sellerList: sellerListProductsRoute,
  create: createProductRoute,
  sitemap: sitemapRoute,
  search: searchProductsRoute,
  suggest: suggestProductsRoute,
});

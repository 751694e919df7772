import { router } from "../../trpc.ts";
import { categoriesRoute } from "./categories.ts";
import { categoryRoute } from "./category.ts";
import { collectionRoute } from "./collection.ts";
import { createProductRoute } from "./create-product.ts";
import { featuredCollectionsRoute } from "./featured-collections.ts";
import { getProductRoute } from "./get-product.ts";
import { listProductsRoute } from "./list-products.ts";
import { listingRoute } from "./listing.ts";
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
  listing: listingRoute,
  category: categoryRoute,
  categories: categoriesRoute,
  collection: collectionRoute,
  featuredCollections: featuredCollectionsRoute,
});

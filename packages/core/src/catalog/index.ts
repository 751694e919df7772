export * from "./schemas.ts";
export * from "./products.ts";
export * from "./search.ts";
export { productSummaries } from "./summaries.ts";
export { listCatalog, listingFacets, type ListingScope } from "./listing.ts";
export { getCategoryPage, topCategories } from "./categories.ts";
export { featuredCollections, getCollection } from "./collections.ts";
export { cachedCatalogRead, invalidateCatalog } from "./cache.ts";
export { listSitemapEntries, SITEMAP_MAX_PRODUCTS } from "./sitemap.ts";

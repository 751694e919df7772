export * from "./schemas.ts";
export * from "./products.ts";
export * from "./search.ts";
export { cachedCatalogRead, invalidateCatalog } from "./cache.ts";
export { listSitemapEntries, SITEMAP_MAX_PRODUCTS } from "./sitemap.ts";

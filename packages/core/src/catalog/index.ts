export * from "./schemas.ts";
export * from "./products.ts";

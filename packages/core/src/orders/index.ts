export * from "./schemas.ts";
export { placeOrder, type OrderSource } from "./place-order.ts";
export { takeStock, returnStock, nextCounter } from "./stock.ts";
export * from "./queries.ts";
export { isValidBrazilianTaxId, isValidCnpj, isValidCpf, normalizeCep } from "./brazil.ts";

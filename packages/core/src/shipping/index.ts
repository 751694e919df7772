export * from "./schemas.ts";
export { shippingAmount } from "./rates.ts";
export { quoteShipping, priceChosenRate } from "./quote.ts";

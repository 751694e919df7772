export * from "./schemas.ts";
export { shippingAmount } from "./rates.ts";
export { quoteShipping, priceChosenRate } from "./quote.ts";
export {
  cepSchema,
  createPostalCodeLookup,
  disabledPostalCodeLookup,
  postalCodeAddress,
  postalCodeLookupInput,
  type PostalCodeAddress,
  type PostalCodeLookup,
  type PostalCodeLookupInput,
  type PostalCodeLookupOptions,
} from "./postal-code-lookup.ts";
export * from "./manage-rates.ts";

export { currencyExponent } from "./currency.ts";
export { fromDecimalString, toDecimalString } from "./decimal.ts";
export { allocate, shareOf } from "./allocate.ts";

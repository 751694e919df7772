export * from "./resources.ts";
export { i18nFor, translator } from "./instance.ts";
export { detectLocale, type LocaleSources } from "./detect.ts";
export { formatDate, formatMoney, minorToDecimalString, parseMinorUnits } from "./format.ts";

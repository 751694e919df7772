import { currencyDigits } from "@primestore/i18n";

/**
 * "129,90" or "129.90" in BRL -> 12990n, by string arithmetic (never a float). Thousands
 * separators are refused rather than guessed: "1.299" could be either 1299 or 1.299.
 */
export function parseMinorUnits(input: string, currency: string): bigint | null {
  const match = /^(\d{1,15})(?:[.,](\d+))?$/.exec(input.trim());
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  const digits = currencyDigits(currency);
  if (fraction.length > digits) return null;
  return BigInt(whole + fraction.padEnd(digits, "0"));
}

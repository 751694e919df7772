import { currencyExponent, toDecimalString } from "@primestore/payments/money";

/** Building an Intl formatter costs far more than using one, and a page formats dozens of prices. */
const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** Minor units to an exact decimal string: no float ever touches the amount. */
export function minorToDecimalString(amount: bigint | number, currency: string): string {
  return toDecimalString(BigInt(amount), currency);
}

/**
 * "129,90" or "129.90" in BRL -> 12990n, by string arithmetic (never a float). Thousands
 * separators are refused rather than guessed: "1.299" could be either 1299 or 1.299.
 */
export function parseMinorUnits(input: string, currency: string): bigint | null {
  const match = /^(\d{1,15})(?:[.,](\d+))?$/.exec(input.trim());
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  const digits = currencyExponent(currency);
  if (fraction.length > digits) return null;
  return BigInt(whole + fraction.padEnd(digits, "0"));
}

export function formatMoney(amount: bigint | number, currency: string, locale: string): string {
  // Intl formats decimal strings exactly (NumberFormat v3); the cast covers older lib typings.
  return moneyFormatter(currency, locale).format(minorToDecimalString(amount, currency) as unknown as number);
}

export function formatDate(date: Date, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return new Intl.DateTimeFormat(locale, options).format(date);
}

import { currencyExponent } from "./currency.ts";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Minor units as a plain decimal string in the currency's major unit: 12345n BRL -> "123.45". */
export function toDecimalString(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0n ? "-" : "";
  const digits = (minor < 0n ? -minor : minor).toString();
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * Parses "123.45" (BRL) into 12345n with string arithmetic. More fraction digits than the
 * currency has is an error, never a rounding: "0.001" BRL is not a price anyone agreed to.
 */
export function fromDecimalString(text: string, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > exponent) {
    throw new RangeError(`${JSON.stringify(text)} has more than ${exponent} decimal places for ${currency}`);
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, "0"));
  return sign ? -minor : minor;
}

import { fromDecimalString, toDecimalString } from "../money/index.ts";

/**
 * Mercado Pago speaks reais as JSON numbers (`"transaction_amount": 189.9`); we keep centavos as
 * bigint. Conversions go through the decimal text, so no float arithmetic ever touches money.
 */

export function assertReais(currency: string): void {
  if (currency !== "BRL") throw new Error(`Mercado Pago charges in BRL only, not ${currency}`);
}

/** 18990n -> "189.90", for query strings. */
export const centavosToDecimalText = (centavos: bigint): string => toDecimalString(centavos, "BRL");

/**
 * 189.9 -> 18990n, from the number's shortest round-trip text (what JSON carried). A third
 * decimal or an exponent is refused rather than rounded.
 */
export const decimalToCentavos = (value: number): bigint => fromDecimalString(String(value), "BRL");

/**
 * The JSON number for an amount. `Number("189.90")` is the double nearest 189.9, which
 * JSON.stringify writes back as "189.9", so the wire carries the exact decimal; that holds for
 * any amount up to 15 digits, and past it (trillions of reais) we check and refuse rather than
 * send a neighbouring amount.
 */
export function centavosToDecimal(centavos: bigint): number {
  if (centavos < 0n) throw new RangeError(`Amounts sent to Mercado Pago can't be negative: ${centavos}`);
  const text = centavosToDecimalText(centavos);
  const value = Number(text);
  if (decimalToCentavos(value) !== centavos) throw new RangeError(`R$ ${text} can't travel as an exact JSON number`);
  return value;
}

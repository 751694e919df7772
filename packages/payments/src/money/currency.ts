/**
 * ISO 4217 minor-unit exponents, written out rather than taken from Intl: Intl answers 2 for
 * any well-formed code it doesn't know and uses display digits (HUF 0, ISO says 2), and a wrong
 * exponent moves money by a factor of ten. An unknown currency must stop the payment, not guess.
 */
const exponents: Readonly<Record<string, number>> = {
  // No minor unit.
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // Thousandths.
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // Hundredths: the rest of the currencies a Latin American marketplace meets.
  AED: 2, ARS: 2, AUD: 2, BOB: 2, BRL: 2, CAD: 2, CHF: 2, CNY: 2, COP: 2, CRC: 2, CZK: 2, DKK: 2,
  DOP: 2, EUR: 2, GBP: 2, GTQ: 2, HKD: 2, HUF: 2, ILS: 2, INR: 2, MXN: 2, NOK: 2, NZD: 2, PAB: 2,
  PEN: 2, PLN: 2, SAR: 2, SEK: 2, SGD: 2, TRY: 2, TWD: 2, USD: 2, UYU: 2, ZAR: 2,
};

/** Digits after the decimal point in `currency`'s minor unit (BRL 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  const exponent = Object.hasOwn(exponents, currency) ? exponents[currency] : undefined;
  if (exponent === undefined) throw new RangeError(`unknown currency ${JSON.stringify(currency)}`);
  return exponent;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent } from "./currency.ts";
import { fromDecimalString, toDecimalString } from "./decimal.ts";

const currencies = fc.constantFrom("BRL", "USD", "EUR", "JPY", "CLP", "KWD", "BHD");
const minorAmounts = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });

describe("currencyExponent", () => {
  it("knows the minor units of the currencies we take", () => {
    expect(["BRL", "USD", "EUR", "JPY", "CLP", "KWD", "BHD", "HUF"].map(currencyExponent)).toEqual([2, 2, 2, 0, 0, 3, 3, 2]);
  });

  it("refuses a code it doesn't know instead of guessing", () => {
    for (const code of ["XYZ", "brl", "", "toString", "__proto__"]) expect(() => currencyExponent(code)).toThrow(RangeError);
  });
});

describe("decimal strings", () => {
  it("format minor units in the major unit", () => {
    expect(toDecimalString(12_345n, "BRL")).toBe("123.45");
    expect(toDecimalString(-5n, "BRL")).toBe("-0.05");
    expect(toDecimalString(0n, "USD")).toBe("0.00");
    expect(toDecimalString(1500n, "JPY")).toBe("1500");
    expect(toDecimalString(1n, "KWD")).toBe("0.001");
  });

  it("parse exactly, padding short fractions", () => {
    expect(fromDecimalString("123.45", "BRL")).toBe(12_345n);
    expect(fromDecimalString("1.5", "BRL")).toBe(150n);
    expect(fromDecimalString("-0.05", "BRL")).toBe(-5n);
    expect(fromDecimalString("1500", "JPY")).toBe(1500n);
    expect(fromDecimalString("99999999999999999999.99", "USD")).toBe(9_999_999_999_999_999_999_999n);
  });

  it("refuse more decimal places than the currency has, and anything that isn't a plain decimal", () => {
    expect(() => fromDecimalString("0.001", "BRL")).toThrow(/more than 2 decimal places/);
    expect(() => fromDecimalString("10.0", "JPY")).toThrow(/more than 0 decimal places/);
    for (const text of ["", "1.", ".5", "1,50", " 1", "1e3", "+1", "--1", "NaN"]) expect(() => fromDecimalString(text, "BRL"), text).toThrow(RangeError);
  });

  it("round-trip every amount in every currency", () => {
    fc.assert(fc.property(minorAmounts, currencies, (minor, currency) => fromDecimalString(toDecimalString(minor, currency), currency) === minor));
  });

  it("round-trip every canonical decimal text", () => {
    const texts = currencies.chain((currency) =>
      fc
        .tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.bigInt({ min: 0n, max: 10n ** BigInt(currencyExponent(currency)) - 1n }))
        .map(([negative, whole, fraction]) => {
          const exponent = currencyExponent(currency);
          const text = (negative ? "-" : "") + whole.toString() + (exponent ? "." + fraction.toString().padStart(exponent, "0") : "");
          return { currency, text };
        }),
    );
    fc.assert(fc.property(texts, ({ currency, text }) => toDecimalString(fromDecimalString(text, currency), currency) === text));
  });
});

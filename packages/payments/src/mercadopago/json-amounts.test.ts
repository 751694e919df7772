import { describe, expect, it } from "vitest";
import { centavosToDecimal, centavosToDecimalText, decimalToCentavos } from "./json-amounts.ts";

/** What JSON should carry for an amount, built with integer arithmetic only: 18990 -> "189.9". */
function expectedJson(centavos: number): string {
  const reais = Math.floor(centavos / 100);
  const cents = centavos % 100;
  if (cents === 0) return String(reais);
  return `${reais}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

function checkRoundTrip(centavos: bigint) {
  const json = JSON.stringify(centavosToDecimal(centavos));
  expect(decimalToCentavos(JSON.parse(json))).toBe(centavos);
  return json;
}

describe("reais <-> centavos for Mercado Pago", () => {
  it("writes every amount from R$ 0,00 to R$ 2.000,00 as its exact decimal and reads it back", () => {
    for (let centavos = 0; centavos <= 200_000; centavos++) {
      const json = JSON.stringify(centavosToDecimal(BigInt(centavos)));
      if (json !== expectedJson(centavos)) expect(json).toBe(expectedJson(centavos));
      const back = decimalToCentavos(JSON.parse(json));
      if (back !== BigInt(centavos)) expect(back).toBe(BigInt(centavos));
    }
  });

  it("stays exact at every centavo around the largest amounts a JSON number carries (15 digits)", () => {
    for (const center of [10n ** 13n, 10n ** 14n, 999_999_999_999_999n - 1000n]) {
      for (let offset = -1000n; offset <= 1000n; offset++) checkRoundTrip(center + offset);
    }
    expect(checkRoundTrip(999_999_999_999_999n)).toBe("9999999999999.99");
  });

  it("refuses amounts a double can't carry exactly instead of sending a neighbour", () => {
    // 123456789012345.68 has 17 digits; the nearest double prints as 123456789012345.69.
    expect(() => centavosToDecimal(12_345_678_901_234_568n)).toThrow(/exact JSON number/);
  });

  it("writes two decimals in text for query strings", () => {
    expect(centavosToDecimalText(0n)).toBe("0.00");
    expect(centavosToDecimalText(5n)).toBe("0.05");
    expect(centavosToDecimalText(18990n)).toBe("189.90");
    expect(centavosToDecimalText(100000n)).toBe("1000.00");
  });

  it("refuses to send a negative amount, and to read a third decimal, an exponent or a non-number", () => {
    expect(() => centavosToDecimal(-1n)).toThrow(/negative/);
    for (const value of [0.001, 189.999, 0.1 + 0.2, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => decimalToCentavos(value), String(value)).toThrow(RangeError);
    }
  });

  it("reads what MP sends: whole reais, one decimal, two decimals", () => {
    expect(decimalToCentavos(100)).toBe(10000n);
    expect(decimalToCentavos(0.1)).toBe(10n);
    expect(decimalToCentavos(33.33)).toBe(3333n);
    expect(decimalToCentavos(0.07)).toBe(7n);
  });
});

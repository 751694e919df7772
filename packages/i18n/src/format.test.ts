import { describe, expect, it } from "vitest";
import { parseMinorUnits } from "./format.ts";

describe("parseMinorUnits", () => {
  it("reads either decimal separator, exactly", () => {
    expect(parseMinorUnits("129,90", "BRL")).toBe(12990n);
    expect(parseMinorUnits("129.9", "USD")).toBe(12990n);
    expect(parseMinorUnits(" 0.05 ", "EUR")).toBe(5n);
    expect(parseMinorUnits("42", "BRL")).toBe(4200n);
    expect(parseMinorUnits("0.29", "USD")).toBe(29n);
  });

  it("follows the currency's minor digits", () => {
    expect(parseMinorUnits("500", "JPY")).toBe(500n);
    expect(parseMinorUnits("500.5", "JPY")).toBeNull();
    expect(parseMinorUnits("1.999", "BRL")).toBeNull();
  });

  it("refuses anything that is not a plain amount", () => {
    for (const input of ["", "abc", "-1", "1.299,90", "1e3", "12,", ".5", "1 000"]) expect(parseMinorUnits(input, "BRL"), input).toBeNull();
  });
});

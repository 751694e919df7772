import { describe, expect, it } from "vitest";
import { bpsToPercentInput, formatBps, parsePercentToBps } from "./format.ts";

describe("percentages in basis points", () => {
  it("reads what a seller types, with either decimal separator, exactly", () => {
    expect(parsePercentToBps("1,99")).toBe(199);
    expect(parsePercentToBps("1.99")).toBe(199);
    expect(parsePercentToBps(" 2,5 ")).toBe(250);
    expect(parsePercentToBps("10")).toBe(1000);
    expect(parsePercentToBps("0")).toBe(0);
    // 0.29 is 0.28999999999999998 as a float: string arithmetic has no such problem.
    expect(parsePercentToBps("0,29")).toBe(29);
  });

  it("refuses what isn't a percentage with at most two decimals", () => {
    for (const input of ["", "abc", "1,999", "-1", "1.000,00", "1,", ",5", "1e2"]) expect(parsePercentToBps(input), input).toBeNull();
  });

  it("writes the input back in the locale's format, always two decimals", () => {
    expect(bpsToPercentInput(199, "pt-BR")).toBe("1,99");
    expect(bpsToPercentInput(199, "en")).toBe("1.99");
    expect(bpsToPercentInput(5, "es")).toBe("0,05");
    expect(bpsToPercentInput(1000, "en")).toBe("10.00");
    for (const bps of [0, 1, 29, 199, 250, 999, 1000]) expect(parsePercentToBps(bpsToPercentInput(bps, "pt-BR"))).toBe(bps);
  });

  it("formats for reading", () => {
    expect(formatBps(1000, "pt-BR")).toBe("10%");
    expect(formatBps(199, "pt-BR")).toBe("1,99%");
    expect(formatBps(1250, "en")).toBe("12.5%");
  });
});

import { describe, expect, it } from "vitest";
import { buildBoleto, dueDateFactor, isValidDigitableLine, mod10, mod11 } from "./boleto.ts";
import { crc16 } from "./pix-br-code.ts";

describe("boleto numbers", () => {
  it("computes FEBRABAN check digits", () => {
    // Worked examples from the FEBRABAN layout: mod 10 of a field, mod 11 of a barcode.
    expect(mod10("001905009")).toBe(5);
    expect(mod11("0019373700000001000500940144816060680935031")).toBe(3);
  });

  it("counts due dates from 1997-10-07 and restarts at 1000 after 2025-02-21", () => {
    expect(dueDateFactor("2000-07-03")).toBe("1000");
    expect(dueDateFactor("2025-02-21")).toBe("9999");
    expect(dueDateFactor("2025-02-22")).toBe("1000");
  });

  it("builds a line whose fields and general digit check, and notices a mistyped digit", () => {
    const { barcode, digitableLine } = buildBoleto({ bankCode: "237", dueDate: "2026-12-04", amount: 12345n, freeField: "1234567890123456789012345" });
    expect(barcode).toHaveLength(44);
    expect(digitableLine).toHaveLength(47);
    expect(isValidDigitableLine(digitableLine)).toBe(true);
    const typo = digitableLine.slice(0, 12) + ((Number(digitableLine[12]) + 1) % 10) + digitableLine.slice(13);
    expect(isValidDigitableLine(typo)).toBe(false);
  });
});

describe("PIX CRC16", () => {
  it("is CRC-16/CCITT-FALSE", () => {
    expect(crc16("123456789")).toBe("29B1");
  });
});

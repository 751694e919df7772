import { describe, expect, it } from "vitest";
import { isValidBrazilianTaxId, isValidCnpj, isValidCpf, normalizeCep } from "./brazil.ts";

describe("Brazilian documents", () => {
  it("accepts CPFs with correct check digits, formatted or not", () => {
    expect(isValidCpf("529.982.247-25")).toBe(true);
    expect(isValidCpf("52998224725")).toBe(true);
  });

  it("rejects wrong check digits, wrong lengths and repeated digits", () => {
    expect(isValidCpf("529.982.247-24")).toBe(false);
    expect(isValidCpf("1234567890")).toBe(false);
    expect(isValidCpf("111.111.111-11")).toBe(false);
  });

  it("validates CNPJs the same way", () => {
    expect(isValidCnpj("11.222.333/0001-81")).toBe(true);
    expect(isValidCnpj("11.222.333/0001-80")).toBe(false);
    expect(isValidCnpj("00.000.000/0000-00")).toBe(false);
    expect(isValidBrazilianTaxId("11222333000181")).toBe(true);
  });

  it("normalises CEPs and refuses anything else", () => {
    expect(normalizeCep("01310100")).toBe("01310-100");
    expect(normalizeCep(" 01310-100 ")).toBe("01310-100");
    expect(normalizeCep("0131-0100")).toBeNull();
    expect(normalizeCep("1310-100")).toBeNull();
  });
});

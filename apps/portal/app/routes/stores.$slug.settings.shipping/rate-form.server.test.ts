import { describe, expect, it } from "vitest";
import { readRateForm } from "./rate-form.server.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("the shipping rate form", () => {
  it("reads prices in the currency's units, weights in grams and a list of countries", () => {
    const { input, problems } = readRateForm(
      form({ name: "Sedex", kind: "free_over", currency: "BRL", amount: "24,90", thresholdAmount: "299", minWeightGrams: "", maxWeightGrams: "30000", countries: "br, pt" }),
    );
    expect(problems).toEqual([]);
    expect(input).toEqual({ name: "Sedex", kind: "free_over", currency: "BRL", amount: 2490, thresholdAmount: 29900, minWeightGrams: undefined, maxWeightGrams: 30000, countries: ["BR", "PT"] });
  });

  it("names the fields it can't read", () => {
    expect(readRateForm(form({ name: "X", kind: "flat", currency: "BRL", amount: "12,345", maxWeightGrams: "1.5kg" })).problems).toEqual(["amount", "maxWeightGrams"]);
    expect(readRateForm(form({ name: "X", kind: "flat", currency: "BRL", amount: "" })).problems).toEqual(["amount"]);
  });
});

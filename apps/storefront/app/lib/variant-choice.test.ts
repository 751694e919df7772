import { describe, expect, it } from "vitest";
import { canBuyWith, initialSelection, variantFor } from "./variant-choice.ts";

const variant = (id: string, Cor: string, Tamanho: string, available = 3) => ({ id, options: { Cor, Tamanho }, price: 100, available });
const jacket = {
  options: [
    { name: "Cor", values: ["Azul", "Preta"] },
    { name: "Tamanho", values: ["M", "G"] },
  ],
  variants: [variant("a", "Azul", "M", 0), variant("b", "Azul", "G"), variant("c", "Preta", "M"), variant("d", "Preta", "G", 0)],
};

describe("choosing a variant", () => {
  it("opens on the first variant that can be bought", () => {
    expect(initialSelection(jacket, new URLSearchParams())).toEqual({ Cor: "Azul", Tamanho: "G" });
  });

  it("takes the choice from the query string, by variant id or by option values", () => {
    expect(initialSelection(jacket, new URLSearchParams("variant=c"))).toEqual({ Cor: "Preta", Tamanho: "M" });
    expect(initialSelection(jacket, new URLSearchParams("Cor=Preta&Tamanho=G"))).toEqual({ Cor: "Preta", Tamanho: "G" });
    expect(initialSelection(jacket, new URLSearchParams("Cor=Preta"))).toEqual({ Cor: "Preta", Tamanho: "M" });
    expect(initialSelection(jacket, new URLSearchParams("Cor=Roxa&variant=zzz"))).toEqual({ Cor: "Azul", Tamanho: "G" });
  });

  it("resolves the variant and knows which values lead to one that can be bought", () => {
    expect(variantFor(jacket.variants, { Cor: "Preta", Tamanho: "M" })?.id).toBe("c");
    expect(canBuyWith(jacket, { Cor: "Preta", Tamanho: "M" }, "Tamanho", "G")).toBe(false);
    expect(canBuyWith(jacket, { Cor: "Preta", Tamanho: "G" }, "Cor", "Azul")).toBe(true);
  });
});

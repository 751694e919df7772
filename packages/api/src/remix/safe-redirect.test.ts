import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect.ts";

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/account")).toBe("/account");
    expect(safeRedirect("/en/products/x?Cor=Azul#gallery")).toBe("/en/products/x?Cor=Azul#gallery");
  });

  it("refuses what a browser would take to another host, and anything that isn't a path", () => {
    for (const target of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "evil", "", null, undefined]) {
      expect(safeRedirect(target, "/fallback")).toBe("/fallback");
    }
  });
});

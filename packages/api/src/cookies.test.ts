import { describe, expect, it } from "vitest";
import { readCookie, serializeCookie } from "./cookies.ts";

describe("cookies", () => {
  it("reads back what it writes", () => {
    const header = serializeCookie("ps_cart", "a b/c=", { maxAgeSeconds: 60 }).split(";")[0]!;
    expect(readCookie(`other=1; ${header}`, "ps_cart")).toBe("a b/c=");
  });

  it("treats a mangled value as absent instead of throwing", () => {
    expect(readCookie("ps_session=%E0%A4%A", "ps_session")).toBeNull();
    expect(readCookie("ps_session=ok; ps_cart=%", "ps_session")).toBe("ok");
  });
});

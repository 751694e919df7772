import { describe, expect, it } from "vitest";
import { isCompressible, negotiateEncoding, varyOnEncoding } from "./compression.ts";

describe("negotiateEncoding", () => {
  it("prefers brotli, then gzip, as browsers offer them", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("gzip");
  });

  it("honours refusals and asks for nothing when nothing known is accepted", () => {
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe("isCompressible", () => {
  it("compresses text formats and leaves already-compressed ones alone", () => {
    for (const type of ["text/html", "application/json", "application/manifest+json", "image/svg+xml", "application/vnd.api+json"]) {
      expect(isCompressible(type)).toBe(true);
    }
    for (const type of ["image/png", "font/woff2", "application/octet-stream", null]) expect(isCompressible(type)).toBe(false);
  });
});

describe("varyOnEncoding", () => {
  it("adds Accept-Encoding once, keeping what the app varies on", () => {
    expect(varyOnEncoding(undefined)).toBe("Accept-Encoding");
    expect(varyOnEncoding("Accept-Language, Cookie")).toBe("Accept-Language, Cookie, Accept-Encoding");
    expect(varyOnEncoding("cookie, accept-encoding")).toBe("cookie, accept-encoding");
    expect(varyOnEncoding("*")).toBe("*");
  });
});

import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from "./totp.ts";

// RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890".
const rfcSecret = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it("gives RFC 6238's codes for its test times", () => {
    for (const [seconds, code] of [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1234567890, "89005924"],
      [20000000000, "65353130"],
    ] as const) {
      expect(totpCode(rfcSecret, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
    }
  });

  it("accepts a code one step either side once, never a used or a wrong one", () => {
    const secret = newTotpSecret();
    const at = new Date("2026-12-08T00:00:10Z");
    const step = totpStep(at);
    expect(matchTotp(secret, totpCode(secret, step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), at, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), at, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step), at, step)).toBeNull();
    expect(matchTotp(secret, "12345", at, null)).toBeNull();
    expect(matchTotp(secret, "abcdef", at, null)).toBeNull();
  });

  it("round-trips base32 and names the account for the app", () => {
    const bytes = Buffer.from("any bytes at all!");
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri("ABC", "ana@aurora.example")).toBe("otpauth://totp/Prime%20Store%3Aana%40aurora.example?secret=ABC&issuer=Prime+Store&algorithm=SHA1&digits=6&period=30");
  });
});

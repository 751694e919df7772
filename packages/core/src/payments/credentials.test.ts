import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptCredentials, encryptCredentials } from "./credentials.ts";

const key = randomBytes(32);
const credentials = { accountId: "123", accessToken: "APP_USR-secret", refreshToken: "TG-refresh", expiresAt: new Date("2027-05-01T00:00:00.000Z") };

describe("provider credentials at rest", () => {
  it("round-trips and never stores the token in clear", () => {
    const stored = encryptCredentials(key, "tenant-a", credentials);
    expect(stored).not.toContain("APP_USR-secret");
    expect(decryptCredentials(key, "tenant-a", stored)).toEqual(credentials);
  });

  it("uses a fresh nonce per write", () => {
    expect(encryptCredentials(key, "tenant-a", credentials)).not.toBe(encryptCredentials(key, "tenant-a", credentials));
  });

  it("refuses another key, another tenant and a flipped byte", () => {
    const stored = encryptCredentials(key, "tenant-a", credentials);
    expect(() => decryptCredentials(randomBytes(32), "tenant-a", stored)).toThrow();
    expect(() => decryptCredentials(key, "tenant-b", stored)).toThrow();
    const parts = stored.split(".");
    const sealed = Buffer.from(parts[3]!, "base64");
    sealed[0]! ^= 1;
    expect(() => decryptCredentials(key, "tenant-a", [parts[0], parts[1], parts[2], sealed.toString("base64")].join("."))).toThrow();
  });
});

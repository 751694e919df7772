import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { AccountCredentials } from "@primestore/payments";
import { z } from "zod";

const VERSION = "v1";

const storedCredentials = z.object({
  accountId: z.string().min(1),
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
  expiresAt: z.iso.datetime().optional(),
  publicKey: z.string().optional(),
});

/**
 * AES-256-GCM: a fresh 12-byte nonce per write and the auth tag, so a tampered or swapped
 * ciphertext fails to open instead of yielding garbage credentials. The tenant id is bound in as
 * associated data: a row copied into another tenant's account doesn't decrypt.
 */
export function encryptCredentials(key: Buffer, tenantId: string, credentials: AccountCredentials): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(tenantId));
  const plain = JSON.stringify({ ...credentials, expiresAt: credentials.expiresAt?.toISOString() });
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, nonce.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(".");
}

export function decryptCredentials(key: Buffer, tenantId: string, stored: string): AccountCredentials {
  const [version, nonce, tag, sealed] = stored.split(".");
  if (version !== VERSION || !nonce || !tag || !sealed) throw new Error("Unreadable stored credentials");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
  decipher.setAAD(Buffer.from(tenantId));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
  const parsed = storedCredentials.parse(JSON.parse(plain));
  return { ...parsed, expiresAt: parsed.expiresAt ? new Date(parsed.expiresAt) : undefined };
}

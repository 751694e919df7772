import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/**
 * AES-256-GCM: a fresh 12-byte nonce per write and the auth tag, so a tampered or swapped
 * ciphertext fails to open instead of yielding garbage. `boundTo` goes in as associated data: a
 * value copied to another owner's row (another tenant, another user) doesn't open.
 */
export function seal(key: Buffer, boundTo: string, plain: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(boundTo));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, nonce.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(".");
}

export function unseal(key: Buffer, boundTo: string, stored: string): string {
  const [version, nonce, tag, sealed] = stored.split(".");
  if (version !== VERSION || !nonce || !tag || !sealed) throw new Error("Unreadable sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
}

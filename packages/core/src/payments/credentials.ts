import type { AccountCredentials } from "@primestore/payments";
import { z } from "zod";
import { seal, unseal } from "../crypto/index.ts";

const storedCredentials = z.object({
  accountId: z.string().min(1),
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
  expiresAt: z.iso.datetime().optional(),
  publicKey: z.string().optional(),
});

/** Sealed per tenant (see `seal`): a row copied into another tenant's account doesn't decrypt. */
export function encryptCredentials(key: Buffer, tenantId: string, credentials: AccountCredentials): string {
  return seal(key, tenantId, JSON.stringify({ ...credentials, expiresAt: credentials.expiresAt?.toISOString() }));
}

export function decryptCredentials(key: Buffer, tenantId: string, stored: string): AccountCredentials {
  const parsed = storedCredentials.parse(JSON.parse(unseal(key, tenantId, stored)));
  return { ...parsed, expiresAt: parsed.expiresAt ? new Date(parsed.expiresAt) : undefined };
}

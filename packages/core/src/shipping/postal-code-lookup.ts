import { z } from "zod";
import type { Cache } from "../cache/index.ts";
import { normalizeCep } from "../orders/brazil.ts";

/** A Brazilian postal code (CEP), 00000-000 or 00000000, normalized to 00000-000. */
export const cepSchema = z
  .string()
  .trim()
  .max(9)
  .transform((value, context) => {
    const cep = normalizeCep(value);
    if (!cep) {
      context.addIssue({ code: "custom", message: "invalid_postal_code" });
      return z.NEVER;
    }
    return cep;
  });

export const postalCodeLookupInput = z.object({ postalCode: cepSchema });
export type PostalCodeLookupInput = z.input<typeof postalCodeLookupInput>;

/** What a CEP says about an address; any part may be empty (a city-wide CEP has no street). */
export const postalCodeAddress = z.object({
  line1: z.string(),
  district: z.string(),
  city: z.string(),
  region: z.string(),
});
export type PostalCodeAddress = z.infer<typeof postalCodeAddress>;

/** A ViaCEP answer: the address, or `{ erro: true }` for a CEP that doesn't exist. */
const viaCepResponse = z.union([
  z.object({ erro: z.union([z.literal(true), z.literal("true")]) }),
  z.object({
    cep: z.string(),
    logradouro: z.string().default(""),
    bairro: z.string().default(""),
    localidade: z.string().min(1),
    uf: z.string().regex(/^[A-Z]{2}$/),
  }),
]);

export interface PostalCodeLookup {
  /** The address of a CEP, or null when it is unknown, lookups are disabled or the service failed. */
  lookup(cep: string): Promise<PostalCodeAddress | null>;
}

export interface PostalCodeLookupOptions {
  /** ViaCEP-compatible base URL (`{baseUrl}/{cep}/json/`); empty or undefined disables lookups. */
  baseUrl: string | undefined;
  cache?: Cache;
  timeoutMs?: number;
  cacheTtlMs?: number;
  fetch?: typeof globalThis.fetch;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Address by CEP, as Brazilian checkouts fill it in. Best effort: a slow or broken service only
 * means the shopper types the address, so every failure is null, never an error.
 */
export function createPostalCodeLookup(options: PostalCodeLookupOptions): PostalCodeLookup {
  const { baseUrl, cache, timeoutMs = 2000, cacheTtlMs = DAY_MS, fetch = globalThis.fetch } = options;
  const base = baseUrl?.trim().replace(/\/+$/, "");
  return {
    async lookup(value) {
      const cep = normalizeCep(value);
      if (!base || !cep) return null;
      const digits = cep.replace("-", "");
      const key = `postal-code:BR:${digits}`;
      const hit = await cache?.get<PostalCodeAddress>(key).catch(() => undefined);
      if (hit) return hit;
      try {
        const response = await fetch(`${base}/${digits}/json/`, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
        if (!response.ok) return null;
        const parsed = viaCepResponse.safeParse(await response.json());
        if (!parsed.success || "erro" in parsed.data) return null;
        const { logradouro, bairro, localidade, uf } = parsed.data;
        const address = { line1: logradouro, district: bairro, city: localidade, region: uf };
        await cache?.set(key, address, cacheTtlMs).catch(() => undefined);
        return address;
      } catch {
        return null;
      }
    },
  };
}

/** Lookups switched off (tests, offline environments). */
export const disabledPostalCodeLookup: PostalCodeLookup = { lookup: async () => null };

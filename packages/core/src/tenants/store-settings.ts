import type { Tx } from "@primestore/db";
import { SUPPORTED_LOCALES } from "@primestore/i18n";
import { z } from "zod";

/** The currencies a store can sell in: the ones the storefront, prices and providers all handle. */
export const STORE_CURRENCIES = ["BRL", "USD", "EUR"] as const;

const colour = z.string().regex(/^#[0-9a-f]{6}$/i, "a #rrggbb colour").transform((value) => value.toLowerCase());

export const storeSettingsInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    branding: z.object({
      logoUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
      primaryColor: colour.optional(),
      accentColor: colour.optional(),
    }),
    locales: z.array(z.enum(SUPPORTED_LOCALES)).min(1),
    defaultLocale: z.enum(SUPPORTED_LOCALES),
    currencies: z.array(z.enum(STORE_CURRENCIES)).min(1),
    defaultCurrency: z.enum(STORE_CURRENCIES),
  })
  .refine((settings) => settings.locales.includes(settings.defaultLocale), { path: ["defaultLocale"], message: "the default language must be offered" })
  .refine((settings) => settings.currencies.includes(settings.defaultCurrency), { path: ["defaultCurrency"], message: "the default currency must be offered" });
export type StoreSettingsInput = z.input<typeof storeSettingsInput>;

/** The settings as the form edits them: the stored row read through the same schema, so it comes back typed. */
export async function storeSettings(tx: Tx, tenantId: string) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, branding: true, locales: true, defaultLocale: true, currencies: true, defaultCurrency: true } });
  return storeSettingsInput.parse({ ...tenant, branding: tenant.branding ?? {} });
}

/**
 * Saves the store's name, look, languages and currencies, each list in the platform's own order.
 * Returns the store's hosts, whose cached tenant the caller must drop so the storefront shows it.
 */
export async function updateStoreSettings(tx: Tx, tenantId: string, raw: StoreSettingsInput): Promise<{ slug: string; hosts: string[] }> {
  const input = storeSettingsInput.parse(raw);
  const tenant = await tx.tenant.update({
    where: { id: tenantId },
    data: {
      name: input.name,
      branding: input.branding,
      locales: SUPPORTED_LOCALES.filter((locale) => input.locales.includes(locale)),
      defaultLocale: input.defaultLocale,
      currencies: STORE_CURRENCIES.filter((currency) => input.currencies.includes(currency)),
      defaultCurrency: input.defaultCurrency,
    },
    select: { slug: true, domains: { select: { host: true } } },
  });
  return { slug: tenant.slug, hosts: tenant.domains.map((domain) => domain.host) };
}

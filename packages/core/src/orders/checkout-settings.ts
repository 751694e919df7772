import type { Tx } from "@primestore/db";
import type { PaymentProvider, ProviderId } from "@primestore/payments";
import { z } from "zod";

/** How shoppers may pay; `test` stays a provider-level method for fixtures, never offered. */
export const checkoutPaymentMethod = z.enum(["pix", "boleto", "card"]);
export type CheckoutPaymentMethod = z.infer<typeof checkoutPaymentMethod>;

/**
 * A store's checkout settings (`tenants.checkout`). Every field has a default, so `{}` is a
 * working checkout: card in full, PIX valid 30 minutes, boleto due in 3 days.
 */
export const checkoutSettingsSchema = z.object({
  paymentMethods: z.array(checkoutPaymentMethod).min(1).default(["card"]),
  installments: z
    .object({
      /** Card installments offered, 1 to 12. */
      max: z.number().int().min(1).max(12).default(1),
      /** Up to this many the shopper pays no interest. */
      interestFree: z.number().int().min(1).max(12).default(1),
      /** Beyond them, compound monthly interest in basis points (1.99% = 199). */
      monthlyInterestBps: z.number().int().min(0).max(1_000).default(0),
    })
    .prefault({}),
  /** A PIX charge, and the stock held for it, lasts this long. */
  pixExpiryMinutes: z.number().int().min(5).max(24 * 60).default(30),
  /** A boleto is due at the end of the day this many days ahead (Brazilian time). */
  boletoDueDays: z.number().int().min(1).max(30).default(3),
  /** Stock held for a card payment while the gateway answers (it answers at once; this covers crashes). */
  cardHoldMinutes: z.number().int().min(5).max(60).default(15),
  /** Which provider takes each method: the built-in test provider until the store connects one. */
  providers: z
    .object({
      pix: z.enum(["test", "mercadopago"]).default("test"),
      boleto: z.enum(["test", "mercadopago"]).default("test"),
      card: z.enum(["test", "mercadopago", "stripe"]).default("test"),
    })
    .prefault({}),
});
export type CheckoutSettings = z.infer<typeof checkoutSettingsSchema>;

/**
 * Settings are validated when a seller saves them; a row that doesn't parse (edited by hand)
 * falls back to the defaults rather than closing the store's checkout.
 */
export function parseCheckoutSettings(value: unknown): CheckoutSettings {
  const parsed = checkoutSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : checkoutSettingsSchema.parse({});
}

export async function readCheckoutSettings(tx: Tx, tenantId: string): Promise<CheckoutSettings> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { checkout: true } });
  return parseCheckoutSettings(tenant.checkout);
}

/**
 * What the shopper may choose in this currency: PIX and boleto settle in reais only, and the
 * method's provider must be usable (configured here and, beyond the test provider, connected by
 * the store) and support the method.
 */
export function paymentMethodsFor(
  settings: CheckoutSettings,
  currency: string,
  usable: Partial<Record<ProviderId, Pick<PaymentProvider, "methods">>>,
): CheckoutPaymentMethod[] {
  return settings.paymentMethods.filter(
    (method) => usable[settings.providers[method]]?.methods.includes(method) && (method === "card" || currency === "BRL"),
  );
}

/** The store's installment terms, capped by what the card provider can charge. */
export function cardInstallments(settings: CheckoutSettings, provider: Pick<PaymentProvider, "maxInstallments"> | undefined): CheckoutSettings["installments"] {
  const max = Math.min(settings.installments.max, provider?.maxInstallments ?? 12);
  return { ...settings.installments, max, interestFree: Math.min(settings.installments.interestFree, max) };
}

const MINUTE_MS = 60_000;
/** Brazil has kept UTC-3 all year since 2019. */
const BRAZIL_OFFSET_MS = -3 * 60 * MINUTE_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** When an unpaid payment stops being payable; its stock reservations expire with it. */
export function paymentExpiry(method: CheckoutPaymentMethod, settings: CheckoutSettings, now: Date): Date {
  switch (method) {
    case "pix":
      return new Date(now.getTime() + settings.pixExpiryMinutes * MINUTE_MS);
    case "boleto": {
      // The last millisecond of the due day in Brazil: banks accept a boleto all of its due day.
      const brazilMidnight = Math.floor((now.getTime() + BRAZIL_OFFSET_MS) / DAY_MS) * DAY_MS;
      return new Date(brazilMidnight + (settings.boletoDueDays + 1) * DAY_MS - BRAZIL_OFFSET_MS - 1);
    }
    case "card":
      return new Date(now.getTime() + settings.cardHoldMinutes * MINUTE_MS);
  }
}

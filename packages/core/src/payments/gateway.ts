import type { PaymentProvider, ProviderId } from "@primestore/payments";
import { AppError } from "../errors/index.ts";

/**
 * The providers this deployment is configured for (the test provider always), the key that
 * seals tenants' credentials, and the public address providers call back.
 */
export interface PaymentGateway {
  providers: { test: PaymentProvider } & Partial<Record<ProviderId, PaymentProvider>>;
  encryptionKey: Buffer;
  /** scheme://host[:port] where providers reach our webhooks. */
  publicUrl: string;
  /** scheme://host[:port] of the seller portal, where providers send sellers back after connecting. */
  portalUrl: string;
}

export function providerOf(gateway: PaymentGateway, id: ProviderId): PaymentProvider {
  const provider = gateway.providers[id];
  if (!provider) throw new AppError("PAYMENT_PROVIDER_UNAVAILABLE", `${id} is not configured on this platform`);
  return provider;
}

export function configuredProviders(gateway: PaymentGateway): ProviderId[] {
  return (Object.keys(gateway.providers) as ProviderId[]).filter((id) => gateway.providers[id]);
}

/** Providers a store connects its own account to (OAuth, onboarding); the test provider needs none. */
export const CONNECTABLE_PROVIDERS = ["mercadopago", "stripe"] as const;
export type ConnectableProvider = (typeof CONNECTABLE_PROVIDERS)[number];

export function isConnectable(value: unknown): value is ConnectableProvider {
  return typeof value === "string" && (CONNECTABLE_PROVIDERS as readonly string[]).includes(value);
}

import type { Env } from "@primestore/config";
import { createMercadoPagoProvider, createStripePaymentProvider, createTestPaymentProvider } from "@primestore/payments";
import type { PaymentGateway } from "./gateway.ts";

function stripeFrom(env: Env) {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return undefined;
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : undefined;
  return createStripePaymentProvider({
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    publishableKey: env.STRIPE_PUBLISHABLE_KEY,
    jsUrl: env.STRIPE_JS_URL,
    ...(api ? { host: api.hostname, port: Number(api.port || (api.protocol === "https:" ? 443 : 80)), protocol: api.protocol === "https:" ? "https" : "http" } : {}),
  });
}

function mercadoPagoFrom(env: Env) {
  const { MERCADOPAGO_ACCESS_TOKEN: accessToken, MERCADOPAGO_CLIENT_ID: clientId, MERCADOPAGO_CLIENT_SECRET: clientSecret, MERCADOPAGO_WEBHOOK_SECRET: webhookSecret } = env;
  if (!accessToken || !clientId || !clientSecret || !webhookSecret) return undefined;
  return createMercadoPagoProvider({ accessToken, clientId, clientSecret, webhookSecret, baseUrl: env.MERCADOPAGO_API_URL, authUrl: env.MERCADOPAGO_AUTH_URL, jsUrl: env.MERCADOPAGO_JS_URL });
}

/**
 * The providers this deployment has keys for: the sandbox always, Stripe and Mercado Pago when
 * their platform credentials are set. Stores then connect their own accounts to them.
 */
export function paymentGatewayFromEnv(env: Env): PaymentGateway {
  const stripe = stripeFrom(env);
  const mercadopago = mercadoPagoFrom(env);
  return {
    providers: { test: createTestPaymentProvider(), ...(stripe ? { stripe } : {}), ...(mercadopago ? { mercadopago } : {}) },
    encryptionKey: Buffer.from(env.PAYMENTS_ENCRYPTION_KEY, "base64"),
    publicUrl: (env.PUBLIC_URL ?? `http://${env.PLATFORM_DOMAIN}:${env.STOREFRONT_PORT}`).replace(/\/$/, ""),
    portalUrl: (env.PORTAL_PUBLIC_URL ?? `http://${env.PLATFORM_DOMAIN}:${env.PORTAL_PORT}`).replace(/\/$/, ""),
  };
}

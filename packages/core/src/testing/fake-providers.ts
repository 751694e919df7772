import { type Db, withTenant } from "@primestore/db";
import { createMercadoPagoProvider, createStripePaymentProvider } from "@primestore/payments";
import { type FakeMercadoPago, startFakeMercadoPago } from "@primestore/payments/testing/mercadopago";
import { type FakeStripe, startFakeStripe } from "@primestore/payments/testing/stripe";
import { afterAll, beforeAll } from "vitest";
import { finishConnect, startConnect } from "../payments/accounts.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { testGateway } from "./test-gateway.ts";

export const STRIPE_WEBHOOK_SECRET = "whsec_core_tests";

/**
 * Stateful fake Stripe and Mercado Pago servers for one test file, and a gateway whose providers
 * are the real SDK-backed ones pointed at them.
 */
export function fakePaymentProviders() {
  const state = {} as { stripe: FakeStripe; mercadopago: FakeMercadoPago; gateway: PaymentGateway };
  beforeAll(async () => {
    [state.stripe, state.mercadopago] = await Promise.all([startFakeStripe(), startFakeMercadoPago()]);
    const stripe = createStripePaymentProvider({
      secretKey: "sk_test_core",
      publishableKey: "pk_test_core",
      jsUrl: state.stripe.jsUrl,
      webhookSecret: STRIPE_WEBHOOK_SECRET,
      host: "127.0.0.1",
      port: state.stripe.port,
      protocol: "http",
    });
    const mercadopago = createMercadoPagoProvider({
      accessToken: "APP_USR-platform",
      clientId: "fake-client-id",
      clientSecret: "fake-client-secret",
      webhookSecret: state.mercadopago.webhookSecret,
      baseUrl: state.mercadopago.url,
      authUrl: `${state.mercadopago.url}/authorization`,
      jsUrl: state.mercadopago.jsUrl,
    });
    state.gateway = testGateway(undefined, { stripe, mercadopago });
  });
  afterAll(async () => {
    await Promise.all([state.stripe?.close(), state.mercadopago?.close()]);
  });
  return state;
}

/** A store connects its Stripe account the way a seller would: onboarding link, Stripe's forms, then the return. */
export async function connectStripe(db: Db, gateway: PaymentGateway, fake: FakeStripe, tenant: TenantInfo): Promise<string> {
  const link = new URL(await withTenant(db, tenant.id, (tx) => startConnect(tx, gateway, tenant, "stripe")));
  const back = new URL(link.searchParams.get("return_url")!);
  const accountId = back.searchParams.get("accountId")!;
  fake.completeOnboarding(accountId);
  await withTenant(db, tenant.id, (tx) => finishConnect(tx, gateway, tenant.id, "stripe", { state: back.searchParams.get("state")!, accountId }));
  return accountId;
}

/** A store authorises our Mercado Pago app as seller `userId` (OAuth), storing the tokens sealed. */
export async function connectMercadoPago(db: Db, gateway: PaymentGateway, fake: FakeMercadoPago, tenant: TenantInfo, userId: number): Promise<void> {
  const link = new URL(await withTenant(db, tenant.id, (tx) => startConnect(tx, gateway, tenant, "mercadopago")));
  const code = fake.authorizeSeller(userId, link.searchParams.get("redirect_uri")!);
  await withTenant(db, tenant.id, (tx) => finishConnect(tx, gateway, tenant.id, "mercadopago", { state: link.searchParams.get("state")!, code }));
}

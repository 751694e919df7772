// What the payments benchmarks run against: a fresh test database with the demo stores, the fake
// Stripe and Mercado Pago servers the providers' API URLs point at, the API's environment, and
// the requests (webhooks signed as the providers sign them, checkouts), prepared ahead.
import { randomBytes, randomUUID } from "node:crypto";
import { seedDemoData } from "@primestore/core/seed";
import { createTestDatabase, TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD, type TestDatabase } from "@primestore/db/testing";
import pg from "pg";
import superjson from "superjson";
import type { PreparedRequest } from "./open-loop.ts";
import { startFakeMercadoPago } from "@primestore/payments/testing/mercadopago";
import { signedEvent, startFakeStripe } from "@primestore/payments/testing/stripe";

export const STRIPE_WEBHOOK_SECRET = "whsec_bench";
/** The demo store every request goes to, by its storefront host. */
export const HOST = "aurora.localhost";

export interface PaymentsFixture {
  database: TestDatabase;
  /** The API's environment (the same variables the apps run with). */
  env: Record<string, string>;
  tenantId: string;
  variantId: string;
  ping(): PreparedRequest;
  /** Distinct Stripe `payment_intent.succeeded` events (a new event id each: each is a real insert). */
  stripeEvents(count: number): PreparedRequest[];
  /** Distinct Mercado Pago payment notifications (a new event id each), signed as MP signs them. */
  mercadoPagoEvents(count: number): PreparedRequest[];
  /** Buy now, one unit by card through the test provider (approved at once), a new idempotency key. */
  checkout(): PreparedRequest;
  stop(): Promise<void>;
}

/**
 * Planner statistics, as a live database has them. A copied template and a fresh seed have none,
 * and until autovacuum gets to it the planner looks an order up by idempotency key through the
 * (tenantId, customerId) index, reading every order of the store.
 */
export async function analyze(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

export async function startPaymentsFixture(): Promise<PaymentsFixture> {
  process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = await createTestDatabase();
  const [stripe, mercadopago] = await Promise.all([startFakeStripe(), startFakeMercadoPago()]);
  const stop = async () => {
    await Promise.all([stripe.close(), mercadopago.close()]);
    await database.drop();
  };
  try {
    await seedDemoData(database.ownerUrl);
    const admin = database.admin;
    const tenant = await admin.tenant.findUniqueOrThrow({ where: { slug: "aurora" }, select: { id: true } });
    const variant = await admin.variant.findFirstOrThrow({ where: { product: { slug: "camiseta-algodao-organico" } }, orderBy: { position: "asc" } });
    const shippingRate = await admin.shippingRate.findFirstOrThrow({ where: { tenantId: tenant.id, name: "Expresso" } });
    // Effectively unlimited stock: every checkout commits one unit, and none may fail for want of it.
    await admin.inventoryLevel.updateMany({ where: { variantId: variant.id }, data: { onHand: 10_000_000 } });
    await analyze(database.ownerUrl);

    const env = {
      NODE_ENV: "production",
      DATABASE_URL: database.ownerUrl,
      APP_DB_PASSWORD: TEST_APP_PASSWORD,
      ADMIN_DB_PASSWORD: TEST_ADMIN_PASSWORD,
      DATABASE_POOL_SIZE: "10",
      REDIS_URL: "",
      CEP_LOOKUP_URL: "",
      SESSION_SECRET: "bench-session-secret-that-is-long-enough-123",
      PAYMENTS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      PAYMENTS_SANDBOX: "on",
      STRIPE_SECRET_KEY: "sk_test_bench",
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
      MERCADOPAGO_ACCESS_TOKEN: "APP_USR-bench",
      MERCADOPAGO_CLIENT_ID: "fake-client-id",
      MERCADOPAGO_CLIENT_SECRET: "fake-client-secret",
      MERCADOPAGO_WEBHOOK_SECRET: mercadopago.webhookSecret,
      MERCADOPAGO_API_URL: mercadopago.url,
      MERCADOPAGO_AUTH_URL: `${mercadopago.url}/authorization`,
    };

    let mercadoPagoEventId = 120_000_000_001;
    return {
      database,
      env,
      tenantId: tenant.id,
      variantId: variant.id,
      ping: () => ({ method: "GET", path: "/bare/trpc/ping", headers: { host: HOST } }),
      stripeEvents: (count) =>
        Array.from({ length: count }, () => {
          const paymentIntent = {
            id: `pi_${randomBytes(12).toString("hex")}`,
            object: "payment_intent",
            amount: 8990,
            currency: "brl",
            status: "succeeded",
            metadata: { tenantId: tenant.id, paymentId: randomUUID() },
          };
          const { rawBody, header } = signedEvent("payment_intent.succeeded", paymentIntent, { secret: STRIPE_WEBHOOK_SECRET });
          return { method: "POST", path: "/webhooks/stripe", headers: { host: HOST, "content-type": "application/json", "stripe-signature": header }, body: rawBody };
        }),
      mercadoPagoEvents: (count) =>
        Array.from({ length: count }, (_, i) => {
          const dataId = String(1_310_000_001 + (i % 1000));
          const signature = mercadopago.signNotification({ dataId, requestId: randomUUID() });
          const body = {
            id: mercadoPagoEventId++,
            live_mode: false,
            type: "payment",
            date_created: new Date().toISOString(),
            user_id: "bench",
            api_version: "v1",
            action: "payment.updated",
            data: { id: dataId },
          };
          return {
            method: "POST",
            // The tenant is in the notification_url we register with MP, as the storefront does.
            path: `/webhooks/mercadopago?data.id=${dataId}&type=payment&tenant=${tenant.id}`,
            headers: { host: HOST, "content-type": "application/json", ...signature },
            body: JSON.stringify(body),
          };
        }),
      checkout: () => ({
        method: "POST",
        path: "/api/trpc/orders.place",
        headers: { host: HOST, "content-type": "application/json" },
        body: JSON.stringify(
          superjson.serialize({
            idempotencyKey: randomUUID(),
            email: "bench@example.com",
            currency: "BRL",
            locale: "pt-BR",
            lines: [{ variantId: variant.id, quantity: 1 }],
            shippingAddress: { name: "Bia", line1: "Rua C", number: "5", city: "Salvador", region: "BA", postalCode: "40000-000", country: "BR", taxId: "52998224725" },
            shippingRateId: shippingRate.id,
            payment: { method: "card", installments: 1, fields: { token: "tok_approve" } },
          }),
        ),
      }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A webhook was stored in the inbox (not a duplicate, not ignored). */
export const stored = (status: number, body: string) => status === 200 && body.includes('"stored"');
/** The checkout placed a paid order. */
export const paid = (status: number, body: string) => status === 200 && body.includes('"status":"paid"');

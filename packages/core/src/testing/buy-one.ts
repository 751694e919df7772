import { randomUUID } from "node:crypto";
import type { Db } from "@primestore/db";
import { placeOrder } from "../orders/index.ts";
import type { TenantInfo } from "../tenants/index.ts";
import type { PaymentGateway } from "../payments/gateway.ts";

const brazil = { name: "Rita Lima", line1: "Rua B", number: "10", district: "Centro", city: "Natal", region: "RN", postalCode: "59000-000", country: "BR", taxId: "52998224725" };
const usa = { name: "Sam Lee", line1: "1 Main St", city: "Boulder", region: "CO", postalCode: "80302", country: "US" };

/** Test fixture: the store takes these methods through these providers. */
export async function useProviders(admin: Db, tenant: TenantInfo, providers: Record<string, string>, paymentMethods: string[]): Promise<void> {
  await admin.tenant.update({ where: { id: tenant.id }, data: { checkout: { paymentMethods, providers, installments: { max: 6, interestFree: 3 } } } });
}

/**
 * Test fixture: a shopper buys one unit of the store's first variant (stock topped up) and pays with
 * `method`. The same `idempotencyKey` is the same checkout submitted again.
 */
export async function buyOne(
  db: Db,
  admin: Db,
  gateway: PaymentGateway,
  tenant: TenantInfo,
  currency: string,
  method: "pix" | "card",
  fields: Record<string, string>,
  installments = 1,
  idempotencyKey: string = randomUUID(),
) {
  const variant = await admin.variant.findFirstOrThrow({ where: { tenantId: tenant.id }, orderBy: { sku: "asc" } });
  await admin.inventoryLevel.updateMany({ where: { variantId: variant.id }, data: { onHand: 1_000 } });
  const rate = await admin.shippingRate.findFirstOrThrow({ where: { tenantId: tenant.id, currency } });
  const placed = await placeOrder(
    db,
    tenant,
    {
      idempotencyKey,
      email: "buyer@example.com",
      currency,
      locale: "pt-BR",
      shippingAddress: currency === "BRL" ? brazil : usa,
      shippingRateId: rate.id,
      payment: { method, installments, fields },
    },
    { lines: [{ variantId: variant.id, quantity: 1 }] },
    gateway,
  );
  return { placed, payment: await admin.payment.findFirstOrThrow({ where: { orderId: placed.id } }) };
}

import { randomUUID } from "node:crypto";
import type { Db } from "../client.ts";

export interface ShippedOrderOwner {
  tenantId: string;
  number: number;
  email: string;
  customerId?: string | null;
}

/**
 * An order as its shopper sees it once it ships (paid by PIX, one line, a status timeline and a
 * tracking number), written directly with the admin client: tests of what shoppers read about
 * orders set up exactly what they assert, whatever checkout does to get there.
 */
export async function createShippedOrder(admin: Db, owner: ShippedOrderOwner) {
  const { tenantId } = owner;
  const order = await admin.order.create({
    data: {
      tenantId,
      number: owner.number,
      email: owner.email,
      customerId: owner.customerId ?? null,
      status: "shipped",
      currency: "BRL",
      locale: "pt-BR",
      subtotal: 17980n,
      shippingTotal: 1500n,
      total: 19480n,
      idempotencyKey: randomUUID(),
    },
  });
  const group = await admin.fulfillmentGroup.create({
    data: { tenantId, orderId: order.id, source: "own", status: "shipped", carrier: "Correios", trackingNumber: "BR123456789BR", shippedAt: new Date() },
  });
  await admin.orderLine.create({
    data: { tenantId, orderId: order.id, fulfillmentGroupId: group.id, sku: "CAM-M", title: "Camiseta (M)", quantity: 2, unitPrice: 8990, total: 17980n },
  });
  await admin.orderAddress.create({
    data: { tenantId, orderId: order.id, kind: "shipping", name: "Carla Souza", line1: "Rua das Flores", number: "10", district: "Centro", city: "Recife", region: "PE", postalCode: "50000-000", country: "BR", taxId: "52998224725" },
  });
  for (const status of ["pending_payment", "paid", "shipped"] as const) {
    await admin.orderStatusChange.create({ data: { tenantId, orderId: order.id, status } });
  }
  await admin.payment.create({
    data: { tenantId, orderId: order.id, provider: "test", method: "pix", status: "paid", amount: 19480n, currency: "BRL", idempotencyKey: randomUUID() },
  });
  return order;
}

import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { providerInterest } from "./payment-details.ts";

export async function getOrderForConfirmation(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    include: { lines: true, addresses: { where: { kind: "shipping" } }, tenant: { select: { name: true } } },
  });
  if (!order) throw new AppError("NOT_FOUND", `Order ${orderId} not found`);
  return order;
}

export async function listOrdersForSeller(tx: Tx, limit = 50) {
  return tx.order.findMany({
    orderBy: { placedAt: "desc" },
    take: limit,
    select: { id: true, number: true, email: true, status: true, total: true, currency: true, placedAt: true },
  });
}

/** An order as its store's staff work on it: lines, address, payments with their refunds, timeline. */
export async function getOrderForSeller(tx: Tx, number: number) {
  const order = await tx.order.findFirst({
    where: { number },
    select: {
      id: true,
      number: true,
      email: true,
      status: true,
      currency: true,
      subtotal: true,
      shippingTotal: true,
      total: true,
      placedAt: true,
      lines: { select: { id: true, sku: true, title: true, quantity: true, unitPrice: true, total: true }, orderBy: { id: "asc" } },
      addresses: { where: { kind: "shipping" }, select: { name: true, line1: true, number: true, district: true, city: true, region: true, postalCode: true, country: true } },
      payments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          provider: true,
          method: true,
          status: true,
          amount: true,
          installments: true,
          capturedAmount: true,
          refundedAmount: true,
          chargedBackAmount: true,
          details: true,
          refunds: { orderBy: { createdAt: "asc" }, select: { id: true, amount: true, status: true, reason: true, createdAt: true } },
        },
      },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { status: true, note: true, createdAt: true } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", `Order ${number} not found`);
  // The store's books hold the order's total; the shopper may also have paid the provider its interest.
  return { ...order, payments: order.payments.map(({ details, ...payment }) => ({ ...payment, providerInterest: providerInterest({ ...payment, details }) })) };
}

import type { Prisma, Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { providerInterest } from "../orders/payment-details.ts";
import {
  orderHistoryInput,
  orderNumberInput,
  type OrderDetailView,
  type OrderHistoryInput,
  type OrderHistoryPage,
  type OrderNumberInput,
} from "./schemas.ts";

/** A customer's orders, newest first, a page at a time (keyset on the time-ordered id). */
export async function listCustomerOrders(tx: Tx, customerId: string, input: OrderHistoryInput = {}): Promise<OrderHistoryPage> {
  const { after, limit } = orderHistoryInput.parse(input);
  const rows = await tx.order.findMany({
    where: { customerId, ...(after ? { id: { lt: after } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      total: true,
      currency: true,
      lines: { select: { quantity: true } },
      // Only a card carries a provider's interest; the others' details (a PIX QR code...) aren't read for a list.
      payments: { where: { method: "card" }, select: { method: true, amount: true, details: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    orders: page.map(({ lines, payments, id: _id, ...order }) => ({
      ...order,
      total: order.total + paidToProviders(payments),
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

/** What the shopper pays providers beyond the order's own total: their installment interest. */
const paidToProviders = (payments: Array<Parameters<typeof providerInterest>[0]>) => payments.reduce((sum, payment) => sum + providerInterest(payment), 0n);

const detailInclude = {
  lines: { orderBy: { id: "asc" } },
  addresses: { where: { kind: "shipping" } },
  payments: { orderBy: { createdAt: "asc" } },
  statusChanges: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  fulfillments: { orderBy: { createdAt: "asc" }, include: { lines: { select: { id: true } } } },
} satisfies Prisma.OrderInclude;

/**
 * One order as its shopper sees it. `where` always pins it to its owner (a customer, or the email
 * a guest typed); a miss is NOT_FOUND whichever part was wrong, and row-level security keeps
 * other stores' orders out of reach altogether.
 */
export async function orderDetail(tx: Tx, where: Prisma.OrderWhereInput): Promise<OrderDetailView> {
  const order = await tx.order.findFirst({ where, include: detailInclude });
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  const shipping = order.addresses[0];
  return {
    number: order.number,
    email: order.email,
    status: order.status,
    placedAt: order.placedAt,
    currency: order.currency,
    subtotal: order.subtotal,
    shippingTotal: order.shippingTotal,
    shippingMethod: order.shippingMethod,
    discountTotal: order.discountTotal,
    taxTotal: order.taxTotal,
    total: order.total + paidToProviders(order.payments),
    lines: order.lines.map(({ id, sku, title, quantity, unitPrice, total }) => ({ id, sku, title, quantity, unitPrice, total })),
    shippingAddress: shipping
      ? {
          name: shipping.name,
          line1: shipping.line1,
          number: shipping.number,
          line2: shipping.line2,
          district: shipping.district,
          city: shipping.city,
          region: shipping.region,
          postalCode: shipping.postalCode,
          country: shipping.country,
          phone: shipping.phone,
        }
      : null,
    payments: order.payments.map((payment) => {
      const addedByProvider = providerInterest(payment);
      const { id, method, status, installments, amount, interestAmount } = payment;
      return { id, method, status, installments, amount: amount + addedByProvider, interestAmount: interestAmount + addedByProvider };
    }),
    timeline: order.statusChanges.map(({ status, note, createdAt }) => ({ status, note, at: createdAt })),
    fulfillments: order.fulfillments.map((group) => ({
      id: group.id,
      status: group.status,
      carrier: group.carrier,
      trackingNumber: group.trackingNumber,
      shippedAt: group.shippedAt,
      lineIds: group.lines.map((line) => line.id),
    })),
  };
}

export function getCustomerOrder(tx: Tx, customerId: string, input: OrderNumberInput): Promise<OrderDetailView> {
  const { number } = orderNumberInput.parse(input);
  return orderDetail(tx, { customerId, number });
}

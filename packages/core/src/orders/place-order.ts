import { withTenant, type Db, type Tx } from "@primestore/db";
import type { PaymentProvider } from "@primestore/payments";
import { reopenConvertedCarts, takeCartForOrder, type CartForOrder } from "../cart/checkout.ts";
import type { CartOwner } from "../cart/owner.ts";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { recordEvent } from "../outbox/index.ts";
import type { TenantInfo } from "../tenants/index.ts";
import type { CheckoutInput, OrderLineInput, PlacedOrder } from "./schemas.ts";
import { nextCounter, returnStock, takeStock } from "./stock.ts";

type OrderWithPayment = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

/**
 * Where an order's lines come from: buy now names them; a cart checkout takes the cart's (and
 * converts the cart with the order), confirming the subtotal the shopper was shown.
 */
export type OrderSource = { lines: OrderLineInput[] } | { cart: CartOwner | null; expectedSubtotal: bigint };

function findOrder(tx: Tx, tenantId: string, idempotencyKey: string) {
  return tx.order.findUnique({
    where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } },
    include: { payments: true },
  });
}

function summary(order: OrderWithPayment): PlacedOrder {
  return { id: order.id, number: order.number, status: order.status, total: order.total, currency: order.currency, email: order.email };
}

/**
 * Minimal checkout: (1) commit the order, its stock and a pending payment; (2) ask the provider,
 * keyed by our payment id; (3) commit the outcome with its outbox event. A retry with the same
 * idempotency key resumes wherever a crash left the attempt and never places a second order.
 */
export async function placeOrder(db: Db, tenant: TenantInfo, input: CheckoutInput, source: OrderSource, provider: PaymentProvider): Promise<PlacedOrder> {
  if (!tenant.currencies.includes(input.currency)) throw new AppError("CURRENCY_NOT_ENABLED");
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenant.id, fn);

  let order = await scoped(async (tx) => (await findOrder(tx, tenant.id, input.idempotencyKey)) ?? createPendingOrder(tx, tenant, input, source)).catch(
    async (error: unknown) => {
      // A double submit raced us to the idempotency key: the other attempt's order is ours.
      if (!isUniqueViolation(error)) throw error;
      return scoped(async (tx) => (await findOrder(tx, tenant.id, input.idempotencyKey))!);
    },
  );
  const payment = order.payments[0]!;
  if (order.status !== "pending_payment" || payment.status !== "pending") return summary(order);

  const result = await provider.createPayment({
    idempotencyKey: payment.id,
    amount: order.total,
    currency: order.currency,
    method: payment.method,
    installments: payment.installments,
    payerEmail: order.email,
    description: `${tenant.name} #${order.number}`,
    fields: input.payment.fields,
  });

  order = await scoped(async (tx) => {
    // Guarded: a concurrent retry that already settled the payment wins; we only read its result.
    const settled = await tx.payment.updateMany({
      where: { id: payment.id, status: "pending" },
      data: { status: result.status, providerPaymentId: result.providerPaymentId, details: result.details },
    });
    if (settled.count === 1) {
      if (result.status === "failed") await cancelForFailedPayment(tx, order);
      else await confirmOrder(tx, tenant.id, order, result.status === "paid");
    }
    return (await findOrder(tx, tenant.id, input.idempotencyKey))!;
  });
  if (order.status === "cancelled") throw new AppError("PAYMENT_DECLINED", result.failureCode ?? "declined");
  return summary(order);
}

async function createPendingOrder(tx: Tx, tenant: TenantInfo, input: CheckoutInput, source: OrderSource): Promise<OrderWithPayment> {
  if ("lines" in source) return createOrder(tx, tenant, input, source.lines, null);
  const fromCart = await takeCartForOrder(tx, source.cart, input.currency);
  if (fromCart) return createOrder(tx, tenant, input, fromCart.lines, { ...fromCart, expectedSubtotal: source.expectedSubtotal });
  // A double submit's twin may have converted the cart, and placed this very order, while we
  // waited for the cart's lock.
  const placed = await findOrder(tx, tenant.id, input.idempotencyKey);
  if (placed) return placed;
  throw new AppError("BAD_REQUEST", "The cart is empty");
}

async function createOrder(
  tx: Tx,
  tenant: TenantInfo,
  input: CheckoutInput,
  lines: OrderLineInput[],
  fromCart: (CartForOrder & { expectedSubtotal: bigint }) | null,
): Promise<OrderWithPayment> {
  // Prices are read now, whatever the shopper's page said: the price list is the only source.
  const variants = await tx.variant.findMany({
    where: { id: { in: lines.map((line) => line.variantId) }, product: { status: "active" } },
    include: { prices: { where: { currency: input.currency } }, product: true },
  });
  const priced = lines.map((line) => {
    const variant = variants.find((candidate) => candidate.id === line.variantId);
    if (!variant) throw new AppError("NOT_FOUND", `Variant ${line.variantId} not found`);
    const price = variant.prices[0];
    if (!price) throw new AppError("PRICE_MISSING", `No ${input.currency} price for ${variant.sku}`);
    return { ...line, variant, unitPrice: price.amount, total: BigInt(price.amount) * BigInt(line.quantity) };
  });
  const subtotal = priced.reduce((sum, line) => sum + line.total, 0n);
  if (fromCart && subtotal !== fromCart.expectedSubtotal) {
    throw new AppError("CONFLICT", "The cart changed since the shopper last saw it", { subtotal: subtotal.toString() });
  }
  const number = await nextCounter(tx, tenant.id, "order");
  const order = await tx.order.create({
    data: {
      tenantId: tenant.id,
      number,
      customerId: fromCart?.customerId ?? null,
      email: input.email,
      currency: input.currency,
      locale: input.locale,
      subtotal,
      total: subtotal,
      idempotencyKey: input.idempotencyKey,
    },
  });
  for (const line of priced) {
    const locationId = await takeStock(tx, line.variantId, line.quantity);
    // A committed reservation remembers where the units came from, so a cancel puts them back there.
    await tx.inventoryReservation.create({
      data: {
        tenantId: tenant.id,
        variantId: line.variantId,
        locationId,
        orderId: order.id,
        // Where the order came from, so a declined payment can give the shopper their cart back.
        cartId: fromCart?.cartId ?? null,
        quantity: line.quantity,
        status: "committed",
        expiresAt: new Date(),
      },
    });
  }
  const group = await tx.fulfillmentGroup.create({ data: { tenantId: tenant.id, orderId: order.id, source: "own" } });
  await tx.orderLine.createMany({
    data: priced.map((line) => ({
      tenantId: tenant.id,
      orderId: order.id,
      fulfillmentGroupId: group.id,
      variantId: line.variantId,
      sku: line.variant.sku,
      title: line.variant.product.title === line.variant.title ? line.variant.title : `${line.variant.product.title} (${line.variant.title})`,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      total: line.total,
    })),
  });
  await tx.orderAddress.create({ data: { tenantId: tenant.id, orderId: order.id, kind: "shipping", ...input.shippingAddress } });
  await tx.orderStatusChange.create({ data: { tenantId: tenant.id, orderId: order.id, status: "pending_payment" } });
  await tx.payment.create({
    data: {
      tenantId: tenant.id,
      orderId: order.id,
      provider: "test",
      method: input.payment.method,
      amount: subtotal,
      currency: input.currency,
      idempotencyKey: `order:${order.id}`,
    },
  });
  return (await findOrder(tx, tenant.id, input.idempotencyKey))!;
}

async function confirmOrder(tx: Tx, tenantId: string, order: OrderWithPayment, paid: boolean): Promise<void> {
  if (paid) {
    await tx.order.update({ where: { id: order.id }, data: { status: "paid" } });
    await tx.orderStatusChange.create({ data: { tenantId, orderId: order.id, status: "paid" } });
  }
  await recordEvent(tx, tenantId, "order.placed", { orderId: order.id, number: order.number });
}

async function cancelForFailedPayment(tx: Tx, order: OrderWithPayment): Promise<void> {
  const taken = await tx.inventoryReservation.findMany({ where: { orderId: order.id, status: "committed" } });
  for (const reservation of taken) await returnStock(tx, reservation.variantId, reservation.locationId, reservation.quantity);
  await tx.inventoryReservation.updateMany({ where: { orderId: order.id, status: "committed" }, data: { status: "released" } });
  await reopenConvertedCarts(tx, [...new Set(taken.flatMap((reservation) => (reservation.cartId ? [reservation.cartId] : [])))]);
  await tx.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
  await tx.orderStatusChange.create({ data: { tenantId: order.tenantId, orderId: order.id, status: "cancelled", note: "payment_failed" } });
}

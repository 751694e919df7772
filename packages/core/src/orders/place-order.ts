import { withTenant, type Db, type Tx } from "@primestore/db";
import { takeCartForOrder } from "../cart/checkout.ts";
import type { CartOwner } from "../cart/owner.ts";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { recordEvent } from "../outbox/index.ts";
import { usableProviders } from "../payments/accounts.ts";
import { chargeRequest } from "../payments/charge-request.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { priceChosenRate } from "../shipping/quote.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { orderAccessToken } from "./access-token.ts";
import { cardInstallments, paymentExpiry, paymentMethodsFor, readCheckoutSettings, type CheckoutSettings } from "./checkout-settings.ts";
import { planInstallments } from "./installments.ts";
import { priceLines } from "./pricing.ts";
import type { CheckoutInput, OrderLineInput, PlacedOrder } from "./schemas.ts";
import { settlePaymentInTx } from "./settle-payment.ts";
import { nextCounter, reserveStock } from "./stock.ts";

type OrderWithPayment = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

/**
 * Where an order's lines come from: buy now names them; a cart checkout takes the cart's (and
 * converts the cart with the order). Both confirm the subtotal the shopper was shown.
 */
export type OrderSource =
  | { lines: OrderLineInput[]; customerId?: string | null; expectedSubtotal?: bigint }
  | { cart: CartOwner | null; expectedSubtotal: bigint };

/** What an order is made of: lines, buyer, the subtotal the shopper saw and, from a cart, the cart. */
interface OrderBasis {
  lines: OrderLineInput[];
  customerId: string | null;
  expectedSubtotal: bigint | null;
  cartId: string | null;
}

function findOrder(tx: Tx, tenantId: string, idempotencyKey: string) {
  return tx.order.findUnique({
    where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } },
    include: { payments: { orderBy: { createdAt: "asc" } } },
  });
}

function summary(order: OrderWithPayment): PlacedOrder {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    total: order.total,
    currency: order.currency,
    email: order.email,
    accessToken: orderAccessToken(order.tenantId, order.id),
  };
}

/**
 * Checkout: (1) commit the order, its stock reservations (held until the payment expires) and a
 * pending payment; (2) ask the provider, keyed by our payment id; (3) commit its answer: a card's
 * outcome goes through `settlePaymentInTx`, a PIX or boleto charge is kept for the shopper to pay.
 * A retry with the same idempotency key resumes wherever a crash left the attempt and never
 * places a second order.
 */
export async function placeOrder(db: Db, tenant: TenantInfo, input: CheckoutInput, source: OrderSource, gateway: PaymentGateway): Promise<PlacedOrder> {
  if (!tenant.currencies.includes(input.currency)) throw new AppError("CURRENCY_NOT_ENABLED");
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenant.id, fn);

  let order = await scoped(async (tx) => (await findOrder(tx, tenant.id, input.idempotencyKey)) ?? createPendingOrder(tx, tenant, input, source, gateway)).catch(
    async (error: unknown) => {
      // A double submit raced us to the idempotency key: the other attempt's order is ours.
      if (!isUniqueViolation(error)) throw error;
      return scoped(async (tx) => (await findOrder(tx, tenant.id, input.idempotencyKey))!);
    },
  );
  const payment = order.payments[0]!;
  if (order.status !== "pending_payment" || payment.status !== "pending" || payment.providerPaymentId) return summary(order);

  const charge = await scoped((tx) => chargeRequest(tx, gateway, tenant.id, payment.id, input.payment.fields));
  const result = await charge.provider.createPayment(charge.input).catch((error: unknown) => {
    // The order stays pending with its stock held: a retry with the same key asks again, and
    // the provider's idempotency makes that one charge; the expiry sweep frees it otherwise.
    throw new AppError("PAYMENT_PROVIDER_FAILED", error instanceof Error ? error.message : String(error));
  });

  order = await scoped(async (tx) => {
    const report = { providerPaymentId: result.providerPaymentId, details: result.details };
    // Guarded either way: a concurrent retry that got there first wins, and we only read its result.
    const accepted =
      result.status === "paid" || result.status === "failed"
        ? await settlePaymentInTx(tx, tenant.id, payment.id, result.status, report)
        : (await tx.payment.updateMany({ where: { id: payment.id, status: "pending", providerPaymentId: null }, data: report })).count === 1;
    if (accepted && result.status !== "failed") await recordEvent(tx, tenant.id, "order.placed", { orderId: order.id, number: order.number });
    return (await findOrder(tx, tenant.id, input.idempotencyKey))!;
  });
  if (order.status === "cancelled") throw new AppError("PAYMENT_DECLINED", result.failureCode ?? "declined");
  return summary(order);
}

async function createPendingOrder(tx: Tx, tenant: TenantInfo, input: CheckoutInput, source: OrderSource, gateway: PaymentGateway): Promise<OrderWithPayment> {
  if ("lines" in source) {
    const basis = { lines: source.lines, customerId: source.customerId ?? null, expectedSubtotal: source.expectedSubtotal ?? null, cartId: null };
    return createOrder(tx, tenant, input, basis, gateway);
  }
  const fromCart = await takeCartForOrder(tx, source.cart, input.currency);
  if (fromCart) {
    const basis = { lines: fromCart.lines, customerId: fromCart.customerId, expectedSubtotal: source.expectedSubtotal, cartId: fromCart.cartId };
    return createOrder(tx, tenant, input, basis, gateway);
  }
  // A double submit's twin may have converted the cart, and placed this very order, while we
  // waited for the cart's lock.
  const placed = await findOrder(tx, tenant.id, input.idempotencyKey);
  if (placed) return placed;
  throw new AppError("BAD_REQUEST", "The cart is empty");
}

/** The payment as the shopper chose it, checked against what the store offers in this currency. */
async function checkPaymentChoice(tx: Tx, settings: CheckoutSettings, input: CheckoutInput, gateway: PaymentGateway): Promise<void> {
  const usable = await usableProviders(tx, gateway);
  if (!paymentMethodsFor(settings, input.currency, usable).includes(input.payment.method)) {
    throw new AppError("PAYMENT_METHOD_UNAVAILABLE", `${input.payment.method} is not offered`);
  }
  const maxInstallments = input.payment.method === "card" ? cardInstallments(settings, usable[settings.providers.card]).max : 1;
  if (input.payment.installments > maxInstallments) throw new AppError("INSTALLMENTS_UNAVAILABLE", `At most ${maxInstallments} installments`);
}

async function createOrder(
  tx: Tx,
  tenant: TenantInfo,
  input: CheckoutInput,
  { lines, customerId, expectedSubtotal, cartId }: OrderBasis,
  gateway: PaymentGateway,
): Promise<OrderWithPayment> {
  const settings = await readCheckoutSettings(tx, tenant.id);
  await checkPaymentChoice(tx, settings, input, gateway);
  const priced = await priceLines(tx, lines, input.currency);
  if (expectedSubtotal !== null && priced.subtotal !== expectedSubtotal) {
    throw new AppError("CONFLICT", "Prices changed since the shopper last saw them", { subtotal: priced.subtotal.toString() });
  }
  const shipping = await priceChosenRate(tx, input.shippingRateId, {
    country: input.shippingAddress.country,
    currency: input.currency,
    subtotal: priced.subtotal,
    weightGrams: priced.weightGrams,
  });
  const plan = planInstallments(priced.subtotal + shipping.amount, input.payment.installments, cardInstallments(settings, gateway.providers[settings.providers.card]));
  const expiresAt = paymentExpiry(input.payment.method, settings, new Date());

  const number = await nextCounter(tx, tenant.id, "order");
  const order = await tx.order.create({
    data: {
      tenantId: tenant.id,
      number,
      customerId,
      email: input.email,
      currency: input.currency,
      locale: input.locale,
      subtotal: priced.subtotal,
      shippingTotal: shipping.amount,
      shippingMethod: shipping.name,
      // Installment interest is part of what the shopper pays; the payment keeps it apart.
      total: plan.total,
      idempotencyKey: input.idempotencyKey,
    },
  });
  // One lock order for every checkout (by variant), so two orders sharing variants never deadlock.
  for (const line of [...priced.lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    const locationId = await reserveStock(tx, line.variantId, line.quantity);
    await tx.inventoryReservation.create({
      data: {
        tenantId: tenant.id,
        variantId: line.variantId,
        locationId,
        orderId: order.id,
        // Where the order came from, so an unpaid order can give the shopper their cart back.
        cartId,
        quantity: line.quantity,
        status: "active",
        expiresAt,
      },
    });
  }
  const group = await tx.fulfillmentGroup.create({ data: { tenantId: tenant.id, orderId: order.id, source: "own" } });
  await tx.orderLine.createMany({
    data: priced.lines.map((line) => ({
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
      provider: settings.providers[input.payment.method],
      method: input.payment.method,
      amount: plan.total,
      interestAmount: plan.interest,
      installments: input.payment.installments,
      currency: input.currency,
      expiresAt,
      idempotencyKey: `order:${order.id}`,
    },
  });
  return (await findOrder(tx, tenant.id, input.idempotencyKey))!;
}

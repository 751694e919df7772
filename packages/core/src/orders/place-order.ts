import { withTenant, type Db, type Tx } from "@primestore/db";
import { takeCartForOrder } from "../cart/checkout.ts";
import type { CartOwner } from "../cart/owner.ts";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { recordEvent } from "../outbox/index.ts";
import { connectedAccount, usableAmong } from "../payments/accounts.ts";
import { type ChargeBasis, chargeRequest, chargeRequestFor } from "../payments/charge-request.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { priceChosenRate } from "../shipping/quote.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { orderAccessToken } from "./access-token.ts";
import { type CheckoutBasis, insertOrder, type OrderState, readCheckoutBasis } from "./checkout-statements.ts";
import { cardInstallments, paymentExpiry, paymentMethodsFor } from "./checkout-settings.ts";
import { planInstallments } from "./installments.ts";
import { priceLines } from "./pricing.ts";
import type { CheckoutInput, OrderLineInput, PlacedOrder } from "./schemas.ts";
import { settlePaid, settlePaymentInTx } from "./settle-payment.ts";

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

/** A new order, and the charge its payment is asked for (so it needn't be read back). */
interface CreatedOrder {
  order: OrderState;
  charge: ChargeBasis;
}

function summary(tenantId: string, order: OrderState): PlacedOrder {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    total: order.total,
    currency: order.currency,
    email: order.email,
    accessToken: orderAccessToken(tenantId, order.id),
  };
}

/**
 * Checkout: (1) commit the order, its stock reservations (held until the payment expires) and a
 * pending payment; (2) ask the provider, keyed by our payment id; (3) commit its answer: a card's
 * outcome goes through `settlePaymentInTx`, a PIX or boleto charge is kept for the shopper to pay.
 * A retry with the same idempotency key resumes wherever a crash left the attempt and never
 * places a second order. Buy now reads and writes in one statement each (docs/decisions/019).
 */
export async function placeOrder(db: Db, tenant: TenantInfo, input: CheckoutInput, source: OrderSource, gateway: PaymentGateway): Promise<PlacedOrder> {
  if (!tenant.currencies.includes(input.currency)) throw new AppError("CURRENCY_NOT_ENABLED");
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenant.id, fn);
  const placedOrder = async (on: Db | Tx) => (await readCheckoutBasis(on, tenant.id, basisQuery(input, []))).placed;

  const opened = await openOrder(db, tenant, input, source, gateway).catch(async (error: unknown) => {
    // A double submit raced us to the idempotency key: the other attempt's order is ours.
    if (!isUniqueViolation(error)) throw error;
    return { order: (await placedOrder(db))!, charge: null };
  });
  let order = opened.order;
  const { payment } = order;
  if (order.status !== "pending_payment" || payment.status !== "pending" || payment.providerPaymentId) return summary(tenant.id, order);

  const charge = opened.charge
    ? chargeRequestFor(gateway, tenant.id, opened.charge, await accountFor(opened.charge), input.payment.fields)
    : await scoped((tx) => chargeRequest(tx, gateway, tenant.id, payment.id, input.payment.fields));
  const result = await charge.provider.createPayment(charge.input).catch((error: unknown) => {
    // The order stays pending with its stock held: a retry with the same key asks again, and
    // the provider's idempotency makes that one charge; the expiry sweep frees it otherwise.
    throw new AppError("PAYMENT_PROVIDER_FAILED", error instanceof Error ? error.message : String(error));
  });

  const report = { providerPaymentId: result.providerPaymentId, details: result.details };
  const placed = { type: "order.placed", payload: { orderId: order.id, number: order.number } };
  // Guarded every way: a concurrent retry that got there first wins, and we only read its result.
  const accepted =
    result.status === "paid" && opened.charge
      ? await settlePaid(db, tenant.id, opened.charge.payment, opened.charge.store.commissionBps, report, [placed])
      : await scoped(async (tx) => {
          const settled =
            result.status === "paid" || result.status === "failed"
              ? await settlePaymentInTx(tx, tenant.id, payment.id, result.status, report)
              : (await tx.payment.updateMany({ where: { id: payment.id, status: "pending", providerPaymentId: null }, data: report })).count === 1;
          if (settled && result.status !== "failed") await recordEvent(tx, tenant.id, placed.type, placed.payload);
          return settled;
        });
  // What this answer made of the order, unless a concurrent retry's answer got there first.
  order = accepted ? { ...order, status: result.status === "paid" ? "paid" : result.status === "failed" ? "cancelled" : order.status } : (await placedOrder(db))!;
  if (order.status === "cancelled") throw new AppError("PAYMENT_DECLINED", result.failureCode ?? "declined");
  return summary(tenant.id, order);

  function accountFor(basis: ChargeBasis) {
    // The test provider needs no account, so its checkouts skip the transaction that reads one.
    return basis.payment.provider === "test" ? undefined : scoped((tx) => connectedAccount(tx, gateway, tenant.id, basis.payment.provider));
  }
}

function basisQuery(input: CheckoutInput, lines: readonly OrderLineInput[]) {
  return { idempotencyKey: input.idempotencyKey, variantIds: lines.map((line) => line.variantId), currency: input.currency, shippingRateId: input.shippingRateId };
}

/**
 * The checkout's order: the one placed under its idempotency key, or a new one. Buy now needs no
 * transaction around its two statements. A cart is locked and converted in the order's own
 * transaction, so either both commit or neither does.
 */
async function openOrder(db: Db, tenant: TenantInfo, input: CheckoutInput, source: OrderSource, gateway: PaymentGateway): Promise<{ order: OrderState; charge: ChargeBasis | null }> {
  const lines = "lines" in source ? source.lines : [];
  const basis = await readCheckoutBasis(db, tenant.id, basisQuery(input, lines));
  if (basis.placed) return { order: basis.placed, charge: null };
  if ("lines" in source) {
    return createOrder(db, tenant, input, basis, { lines, customerId: source.customerId ?? null, expectedSubtotal: source.expectedSubtotal ?? null, cartId: null }, gateway);
  }
  return withTenant(db, tenant.id, async (tx) => {
    const fromCart = await takeCartForOrder(tx, source.cart, input.currency);
    if (!fromCart) {
      // A double submit's twin may have converted the cart, and placed this very order, while we
      // waited for the cart's lock.
      const placed = (await readCheckoutBasis(tx, tenant.id, basisQuery(input, []))).placed;
      if (placed) return { order: placed, charge: null };
      throw new AppError("BAD_REQUEST", "The cart is empty");
    }
    const cartBasis = await readCheckoutBasis(tx, tenant.id, basisQuery(input, fromCart.lines));
    const order = { lines: fromCart.lines, customerId: fromCart.customerId, expectedSubtotal: source.expectedSubtotal, cartId: fromCart.cartId };
    return createOrder(tx, tenant, input, cartBasis, order, gateway);
  });
}

/** The payment as the shopper chose it, checked against what the store offers in this currency. */
function checkPaymentChoice(basis: CheckoutBasis, input: CheckoutInput, gateway: PaymentGateway): void {
  const { settings } = basis;
  const usable = usableAmong(gateway, basis.activeProviders);
  if (!paymentMethodsFor(settings, input.currency, usable).includes(input.payment.method)) {
    throw new AppError("PAYMENT_METHOD_UNAVAILABLE", `${input.payment.method} is not offered`);
  }
  const maxInstallments = input.payment.method === "card" ? cardInstallments(settings, usable[settings.providers.card]).max : 1;
  if (input.payment.installments > maxInstallments) throw new AppError("INSTALLMENTS_UNAVAILABLE", `At most ${maxInstallments} installments`);
}

async function createOrder(
  db: Db | Tx,
  tenant: TenantInfo,
  input: CheckoutInput,
  basis: CheckoutBasis,
  { lines, customerId, expectedSubtotal, cartId }: OrderBasis,
  gateway: PaymentGateway,
): Promise<CreatedOrder> {
  const { settings } = basis;
  checkPaymentChoice(basis, input, gateway);
  const priced = priceLines(basis.variants, lines, input.currency);
  if (expectedSubtotal !== null && priced.subtotal !== expectedSubtotal) {
    throw new AppError("CONFLICT", "Prices changed since the shopper last saw them", { subtotal: priced.subtotal.toString() });
  }
  const shipping = priceChosenRate(basis.rate, input.shippingRateId, {
    country: input.shippingAddress.country,
    currency: input.currency,
    subtotal: priced.subtotal,
    weightGrams: priced.weightGrams,
  });
  const principal = priced.subtotal + shipping.amount;
  const cardProvider = gateway.providers[settings.providers.card];
  // A provider that prices installments itself (Mercado Pago) is charged the price and adds its own interest.
  const plan =
    input.payment.method === "card" && cardProvider?.installmentPlans
      ? { total: principal, interest: 0n }
      : planInstallments(principal, input.payment.installments, cardInstallments(settings, cardProvider));
  const expiresAt = paymentExpiry(input.payment.method, settings, new Date());
  const payment = {
    provider: settings.providers[input.payment.method],
    method: input.payment.method,
    // Installment interest is part of what the shopper pays; the payment keeps it apart.
    amount: plan.total,
    interestAmount: plan.interest,
    installments: input.payment.installments,
    currency: input.currency,
    expiresAt,
  };
  const order = {
    customerId,
    email: input.email,
    currency: input.currency,
    locale: input.locale,
    subtotal: priced.subtotal,
    shippingTotal: shipping.amount,
    shippingMethod: shipping.name,
    total: plan.total,
    idempotencyKey: input.idempotencyKey,
  };
  const placed = await insertOrder(db, tenant.id, {
    order,
    lines: priced.lines.map((line) => ({
      variantId: line.variantId,
      sku: line.variant.sku,
      title: line.variant.productTitle === line.variant.title ? line.variant.title : `${line.variant.productTitle} (${line.variant.title})`,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      total: line.total,
    })),
    address: input.shippingAddress,
    payment,
    cartId,
  });
  return {
    order: { id: placed.id, number: placed.number, status: "pending_payment", total: order.total, currency: order.currency, email: order.email, payment: { id: placed.paymentId, status: "pending", providerPaymentId: null } },
    charge: {
      payment: { id: placed.paymentId, ...payment },
      email: order.email,
      orderNumber: placed.number,
      shippingAddress: { ...input.shippingAddress, number: input.shippingAddress.number ?? null, district: input.shippingAddress.district ?? null, taxId: input.shippingAddress.taxId ?? null },
      store: basis.store,
    },
  };
}

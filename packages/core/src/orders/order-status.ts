import type { Tx } from "@primestore/db";
import type { ProviderId } from "@primestore/payments";
import { AppError } from "../errors/index.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { isOrderAccessToken } from "./access-token.ts";
import { splitInstallments } from "./installments.ts";
import { detailMinorUnits, detailText, providerInterest, type PaymentDetails } from "./payment-details.ts";
import type { OrderAccess, OrderStatusView, PaymentProgress } from "./schemas.ts";
import { settlePaymentInTx, type PaymentOutcome } from "./settle-payment.ts";

/**
 * The order a status link names, in the caller's store. A wrong token is the same NOT_FOUND as
 * a missing order: the link proves nothing about orders it doesn't open.
 */
export async function findAccessibleOrder(tx: Tx, tenantId: string, access: OrderAccess) {
  const order = isOrderAccessToken(tenantId, access.orderId, access.token)
    ? await tx.order.findUnique({ where: { id: access.orderId }, include: { lines: { orderBy: { id: "asc" } }, payments: { orderBy: { createdAt: "desc" }, take: 1 } } })
    : null;
  const payment = order?.payments[0];
  if (!order || !payment) throw new AppError("NOT_FOUND", "No such order");
  return { order, payment };
}

/** A card payment the provider holds for the shopper to authenticate, and the form that lets them. */
function cardAction(gateway: PaymentGateway, payment: { provider: ProviderId; status: string }, details: PaymentDetails) {
  const clientSecret = detailText(details, "clientSecret");
  const form = payment.status === "pending" && clientSecret ? gateway.providers[payment.provider]?.cardForm?.(undefined) : undefined;
  return form && clientSecret ? { ...form, clientSecret } : null;
}

export async function getOrderStatus(tx: Tx, tenantId: string, access: OrderAccess, gateway: PaymentGateway): Promise<OrderStatusView> {
  const { order, payment } = await findAccessibleOrder(tx, tenantId, access);
  const details = (payment.details ?? {}) as PaymentDetails;
  const qrCode = payment.method === "pix" ? detailText(details, "qrCode") : null;
  const digitableLine = payment.method === "boleto" ? detailText(details, "digitableLine") : null;
  const dueDate = detailText(details, "dueDate");
  const addedByProvider = providerInterest(payment);
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    currency: order.currency,
    placedAt: order.placedAt,
    lines: order.lines.map((line) => ({ id: line.id, title: line.title, quantity: line.quantity, total: line.total })),
    subtotal: order.subtotal,
    shippingMethod: order.shippingMethod,
    shippingTotal: order.shippingTotal,
    interest: payment.interestAmount + addedByProvider,
    total: order.total + addedByProvider,
    payment: {
      method: payment.method,
      status: payment.status,
      installments: payment.installments,
      installmentAmount: detailMinorUnits(details, "installmentAmount") ?? splitInstallments(payment.amount, payment.installments)[0]!,
      expiresAt: payment.expiresAt,
      sandbox: payment.provider === "test",
      pix: qrCode ? { qrCode } : null,
      boleto: digitableLine && dueDate ? { digitableLine, dueDate } : null,
      cardAction: payment.method === "card" ? cardAction(gateway, payment, details) : null,
    },
  };
}

/** What the status page polls until the payment is settled. */
export async function getPaymentProgress(tx: Tx, tenantId: string, access: OrderAccess): Promise<PaymentProgress> {
  const { order, payment } = await findAccessibleOrder(tx, tenantId, access);
  return { orderStatus: order.status, paymentStatus: payment.status, expiresAt: payment.expiresAt };
}

/**
 * Test mode only: no bank pays a sandbox PIX or boleto, so the buyer reports the outcome
 * themselves, through the same settlement a provider's webhook will use. Refused for any payment
 * a real provider handles.
 */
export async function simulateSandboxPayment(tx: Tx, tenantId: string, access: OrderAccess, outcome: PaymentOutcome): Promise<PaymentProgress> {
  const { payment } = await findAccessibleOrder(tx, tenantId, access);
  if (payment.provider !== "test") throw new AppError("FORBIDDEN", "Only sandbox payments can be simulated");
  await settlePaymentInTx(tx, tenantId, payment.id, outcome);
  return getPaymentProgress(tx, tenantId, access);
}

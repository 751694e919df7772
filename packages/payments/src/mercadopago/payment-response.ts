import { z } from "zod";
import type { CreatePaymentResult, ProviderPaymentSnapshot, ProviderPaymentStatus, ProviderRefund } from "../provider.ts";
import { brazilDay } from "./brazil-time.ts";
import { decimalToCentavos } from "./json-amounts.ts";

const id = z.union([z.number(), z.string()]).transform(String);
const amount = z.number().transform(decimalToCentavos);
const text = z.string().nullish();

export const refundSchema = z.object({ id, amount, status: z.string() });

/** The parts of a Mercado Pago payment we read; what we don't name is ignored. */
export const paymentSchema = z.object({
  id,
  status: z.string(),
  status_detail: text,
  payment_method_id: text,
  payment_type_id: text,
  transaction_amount: amount,
  currency_id: z.string(),
  installments: z.number().nullish(),
  date_of_expiration: text,
  money_release_date: text,
  money_release_status: text,
  external_reference: text,
  metadata: z.object({ tenant_id: text, payment_id: text }).nullish(),
  fee_details: z.array(z.object({ type: z.string(), amount })).nullish(),
  refunds: z.array(refundSchema).nullish(),
  point_of_interaction: z
    .object({ transaction_data: z.object({ qr_code: text, qr_code_base64: text, ticket_url: text }).nullish() })
    .nullish(),
  transaction_details: z
    .object({
      digitable_line: text,
      barcode: z.object({ content: text }).nullish(),
      external_resource_url: text,
      installment_amount: amount.nullish(),
      total_paid_amount: amount.nullish(),
    })
    .nullish(),
  barcode: z.object({ content: text }).nullish(),
});
export type MercadoPagoPayment = z.infer<typeof paymentSchema>;

/** A page of GET /v1/payments/search: the payments as GET /v1/payments/{id} shows them, and where the page is. */
export const paymentSearchSchema = z.object({
  results: z.array(paymentSchema.extend({ date_created: z.iso.datetime({ offset: true }).transform((value) => new Date(value)) })),
  paging: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
});

/** Mercado Pago's payment statuses (GET /v1/payments/{id}); refunded and charged_back are read by snapshotOf. */
const statuses: Record<string, ProviderPaymentStatus> = {
  approved: "paid",
  authorized: "authorized",
  pending: "pending",
  in_process: "pending",
  in_mediation: "pending",
  rejected: "failed",
  cancelled: "failed",
};

function ourStatus(payment: MercadoPagoPayment): ProviderPaymentStatus {
  const status = statuses[payment.status];
  if (!status) throw new Error(`Mercado Pago payment ${payment.id} has a status we don't know: ${payment.status}`);
  return status;
}

const refundStatuses: Record<string, ProviderRefund["status"]> = { approved: "succeeded", rejected: "failed", cancelled: "failed" };

export function ourRefund(refund: z.infer<typeof refundSchema>): ProviderRefund {
  return { providerRefundId: refund.id, amount: refund.amount, status: refundStatuses[refund.status] ?? "pending" };
}

type Details = CreatePaymentResult["details"];

const present = (entries: Record<string, string | number | null | undefined>): Details =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== null && value !== undefined)) as Details;

function shopperDetails(payment: MercadoPagoPayment): Details {
  const expiry = payment.date_of_expiration ? new Date(payment.date_of_expiration) : undefined;
  if (payment.payment_method_id === "pix") {
    const qr = payment.point_of_interaction?.transaction_data;
    return present({ qrCode: qr?.qr_code, qrCodeBase64: qr?.qr_code_base64, ticketUrl: qr?.ticket_url, expiresAt: expiry?.toISOString() });
  }
  if (payment.payment_type_id === "ticket") {
    const ticket = payment.transaction_details;
    const barcode = ticket?.barcode?.content ?? payment.barcode?.content;
    return present({
      // Some boleto responses carry only the barcode; banking apps take either.
      digitableLine: ticket?.digitable_line ?? barcode,
      barcode,
      ticketUrl: ticket?.external_resource_url,
      dueDate: expiry && brazilDay(expiry),
    });
  }
  // What the shopper pays MP, its installment interest included (minor units, as text).
  const paid = payment.transaction_details;
  return present({
    installments: payment.installments,
    statusDetail: payment.status_detail,
    installmentAmount: paid?.installment_amount?.toString(),
    totalPaidAmount: paid?.total_paid_amount?.toString(),
  });
}

export function creationResult(payment: MercadoPagoPayment): CreatePaymentResult {
  const status = ourStatus(payment);
  return {
    providerPaymentId: payment.id,
    status,
    details: shopperDetails(payment),
    ...(status === "failed" && payment.status_detail ? { failureCode: payment.status_detail } : {}),
  };
}

/** What Mercado Pago kept: `application_fee` is listed among the fees but is the marketplace's cut, ours. */
function gatewayFee(payment: MercadoPagoPayment): bigint | undefined {
  const fees = payment.fee_details?.filter((fee) => fee.type !== "application_fee");
  return fees?.length ? fees.reduce((sum, fee) => sum + fee.amount, 0n) : undefined;
}

/** MP says "pending" (money held) or "released" (in the seller's available balance); anything else is still held. */
const releaseStatus = (payment: MercadoPagoPayment) => (payment.money_release_status === "released" ? "released" : "pending");

export function snapshotOf(payment: MercadoPagoPayment): ProviderPaymentSnapshot {
  const chargedBack = payment.status === "charged_back";
  const fee = gatewayFee(payment);
  const tenantId = payment.metadata?.tenant_id;
  const paymentId = payment.external_reference ?? payment.metadata?.payment_id;
  return {
    providerPaymentId: payment.id,
    // A chargeback takes back money that was paid: the payment stays paid and the loss is `chargedBack`.
    status: payment.status === "refunded" ? "refunded" : chargedBack ? "paid" : ourStatus(payment),
    amount: payment.transaction_amount,
    currency: payment.currency_id,
    refunds: (payment.refunds ?? []).map(ourRefund),
    ...(fee !== undefined ? { fee } : {}),
    ...(chargedBack ? { chargedBack: payment.transaction_amount } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(paymentId ? { paymentId } : {}),
    ...(payment.money_release_date ? { moneyRelease: { date: new Date(payment.money_release_date), status: releaseStatus(payment) } } : {}),
  };
}

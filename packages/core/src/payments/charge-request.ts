import type { Tx } from "@primestore/db";
import { type ConnectedAccount, type CreatePaymentInput, type Payer, type PaymentProvider, type ProviderId, shareOf } from "@primestore/payments";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";

export interface ChargeRequest {
  provider: PaymentProvider;
  input: CreatePaymentInput;
}

type PayerAddress = { name: string; taxId: string | null; postalCode: string; line1: string; number: string | null; district: string | null; city: string; region: string };

function payerOf(email: string, address: PayerAddress | undefined): Payer {
  if (!address) return { email };
  const [firstName, ...rest] = address.name.split(/\s+/);
  const digits = address.taxId?.replace(/\D/g, "") ?? "";
  return {
    email,
    firstName,
    lastName: rest.join(" ") || undefined,
    document: digits.length === 11 ? { type: "CPF", number: digits } : digits.length === 14 ? { type: "CNPJ", number: digits } : undefined,
    address: {
      postalCode: address.postalCode,
      street: address.line1,
      number: address.number ?? "S/N",
      neighborhood: address.district ?? "",
      city: address.city,
      state: address.region,
    },
  };
}

/** What a charge is made from: the pending payment, its order's buyer and number, and the store. */
export interface ChargeBasis {
  payment: Pick<CreatePaymentInput, "amount" | "currency" | "method" | "installments"> & { id: string; provider: ProviderId; expiresAt: Date | null };
  email: string;
  orderNumber: number;
  shippingAddress: PayerAddress | undefined;
  store: { name: string; commissionBps: number };
}

/**
 * What to ask the payment's provider for: the amount, the payer as boleto needs them, and, for a
 * store's own provider account, the split that leaves the platform's commission with us. Our
 * payment id is the idempotency key, so however often a crash makes us ask, one charge exists.
 */
export function chargeRequestFor(
  gateway: PaymentGateway,
  tenantId: string,
  { payment, email, orderNumber, shippingAddress, store }: ChargeBasis,
  account: ConnectedAccount | undefined,
  fields: Record<string, string>,
): ChargeRequest {
  const input: CreatePaymentInput = {
    idempotencyKey: payment.id,
    tenantId,
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    method: payment.method,
    installments: payment.installments,
    expiresAt: payment.expiresAt ?? undefined,
    payerEmail: email,
    payer: payerOf(email, shippingAddress),
    description: `${store.name} #${orderNumber}`,
    fields,
    ...(account ? { split: { kind: "destination", account, applicationFee: shareOf(payment.amount, store.commissionBps) } } : {}),
    ...(payment.provider === "mercadopago" ? { notificationUrl: `${gateway.publicUrl}/webhooks/mercadopago?tenant=${tenantId}` } : {}),
  };
  return { provider: providerOf(gateway, payment.provider), input };
}

/** `chargeRequestFor` a payment as stored: a checkout resumed after a crash or a retry. */
export async function chargeRequest(tx: Tx, gateway: PaymentGateway, tenantId: string, paymentId: string, fields: Record<string, string>): Promise<ChargeRequest> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { order: { include: { addresses: { where: { kind: "shipping" } } } }, tenant: { select: { name: true, commissionBps: true } } },
  });
  const account = await connectedAccount(tx, gateway, tenantId, payment.provider);
  const { order, tenant } = payment;
  return chargeRequestFor(gateway, tenantId, { payment, email: order.email, orderNumber: order.number, shippingAddress: order.addresses[0], store: tenant }, account, fields);
}

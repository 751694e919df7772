import type { Tx } from "@primestore/db";
import { type CreatePaymentInput, type Payer, type PaymentProvider, shareOf } from "@primestore/payments";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";

export interface ChargeRequest {
  provider: PaymentProvider;
  input: CreatePaymentInput;
}

function payerOf(email: string, address: { name: string; taxId: string | null; postalCode: string; line1: string; number: string | null; district: string | null; city: string; region: string } | undefined): Payer {
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

/**
 * What to ask the payment's provider for: the amount, the payer as boleto needs them, and, for a
 * store's own provider account, the split that leaves the platform's commission with us. Our
 * payment id is the idempotency key, so however often a crash makes us ask, one charge exists.
 */
export async function chargeRequest(tx: Tx, gateway: PaymentGateway, tenantId: string, paymentId: string, fields: Record<string, string>): Promise<ChargeRequest> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { order: { include: { addresses: { where: { kind: "shipping" } } } }, tenant: { select: { name: true, commissionBps: true } } },
  });
  const provider = providerOf(gateway, payment.provider);
  const account = await connectedAccount(tx, gateway, tenantId, payment.provider);
  const input: CreatePaymentInput = {
    idempotencyKey: payment.id,
    tenantId,
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    method: payment.method,
    installments: payment.installments,
    expiresAt: payment.expiresAt ?? undefined,
    payerEmail: payment.order.email,
    payer: payerOf(payment.order.email, payment.order.addresses[0]),
    description: `${payment.tenant.name} #${payment.order.number}`,
    fields,
    ...(account ? { split: { kind: "destination", account, applicationFee: shareOf(payment.amount, payment.tenant.commissionBps) } } : {}),
    ...(payment.provider === "mercadopago" ? { notificationUrl: `${gateway.publicUrl}/webhooks/mercadopago?tenant=${tenantId}` } : {}),
  };
  return { provider, input };
}

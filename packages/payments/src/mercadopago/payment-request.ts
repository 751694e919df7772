import type { PaymentCreateRequest } from "mercadopago/dist/clients/payment/create/types.js";
import type { CreatePaymentInput, Payer } from "../provider.ts";
import { toBrazilTime } from "./brazil-time.ts";
import { centavosToDecimal } from "./json-amounts.ts";

function pixFields(input: CreatePaymentInput): PaymentCreateRequest {
  return {
    payment_method_id: "pix",
    ...(input.expiresAt ? { date_of_expiration: toBrazilTime(input.expiresAt) } : {}),
    payer: { email: input.payerEmail },
  };
}

/** Mercado Pago refuses a boleto without the payer's name, CPF/CNPJ and full address; say which part is missing before calling. */
function boletoPayer(input: CreatePaymentInput): Required<Pick<Payer, "firstName" | "lastName" | "document" | "address">> {
  const { firstName, lastName, document, address } = input.payer ?? {};
  const missing = [!firstName && "first name", !lastName && "last name", !document && "CPF/CNPJ", !address && "address"].filter(Boolean);
  if (!firstName || !lastName || !document || !address) throw new Error(`A Mercado Pago boleto needs the payer's ${missing.join(", ")}`);
  return { firstName, lastName, document, address };
}

function boletoFields(input: CreatePaymentInput): PaymentCreateRequest {
  const { firstName, lastName, document, address } = boletoPayer(input);
  return {
    payment_method_id: "bolbradesco",
    ...(input.expiresAt ? { date_of_expiration: toBrazilTime(input.expiresAt) } : {}),
    payer: {
      email: input.payerEmail,
      first_name: firstName,
      last_name: lastName,
      identification: { type: document.type, number: document.number },
      address: {
        zip_code: address.postalCode,
        street_name: address.street,
        street_number: address.number,
        neighborhood: address.neighborhood,
        city: address.city,
        federal_unit: address.state,
      },
    },
  };
}

function cardFields(input: CreatePaymentInput): PaymentCreateRequest {
  const { token, paymentMethodId, issuerId } = input.fields;
  if (!token || !paymentMethodId) throw new Error("A Mercado Pago card payment needs the card token and payment method id from the card form");
  if (issuerId && !/^\d+$/.test(issuerId)) throw new Error(`Mercado Pago issuer ids are numbers, not ${issuerId}`);
  const document = input.payer?.document;
  return {
    token,
    installments: input.installments,
    payment_method_id: paymentMethodId,
    ...(issuerId ? { issuer_id: Number(issuerId) } : {}),
    payer: { email: input.payerEmail, ...(document ? { identification: { type: document.type, number: document.number } } : {}) },
  };
}

const methodFields = { pix: pixFields, boleto: boletoFields, card: cardFields } as const;

/** The body of POST /v1/payments for one of our payments; throws before any call when it can't be valid. */
export function buildPaymentRequest(input: CreatePaymentInput): PaymentCreateRequest {
  if (input.method === "test") throw new Error("Mercado Pago has no test payment method");
  const paymentId = input.paymentId ?? input.idempotencyKey;
  const split = input.split;
  if (split?.kind === "transfers") throw new Error("Mercado Pago has no separate transfers: a payment goes to one seller (split kind destination)");
  return {
    ...methodFields[input.method](input),
    transaction_amount: centavosToDecimal(input.amount),
    description: input.description,
    external_reference: paymentId,
    metadata: { ...(input.tenantId ? { tenant_id: input.tenantId } : {}), payment_id: paymentId },
    ...(input.notificationUrl ? { notification_url: input.notificationUrl } : {}),
    // MP refuses a zero application_fee: a seller's payment without our cut simply has none.
    ...(split && split.applicationFee > 0n ? { application_fee: centavosToDecimal(split.applicationFee) } : {}),
  };
}

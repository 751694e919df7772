import { z } from "zod";

export const paymentMethodSchema = z.enum(["test", "pix", "boleto", "card"]);
export type PaymentMethodId = z.infer<typeof paymentMethodSchema>;

export interface CreatePaymentInput {
  /** Our payment id; providers receive it as their idempotency key. */
  idempotencyKey: string;
  amount: bigint;
  currency: string;
  method: PaymentMethodId;
  installments: number;
  /** When an unpaid PIX or boleto stops being payable (we reserve stock until then). */
  expiresAt?: Date;
  payerEmail: string;
  description: string;
  /** Provider-specific fields from the checkout form (card token, issuer...). */
  fields: Record<string, string>;
}

export type ProviderPaymentStatus = "pending" | "authorized" | "paid" | "failed";

export interface CreatePaymentResult {
  providerPaymentId: string;
  status: ProviderPaymentStatus;
  /** Shown to the shopper (QR code, boleto line) or kept for support; never card data. */
  details: Record<string, string | number | boolean>;
  failureCode?: string;
}

export interface PaymentProvider {
  readonly id: "test" | "mercadopago" | "stripe";
  readonly methods: readonly PaymentMethodId[];
  /** Sandboxes only: card tokens a checkout in test mode may offer instead of a card form. */
  readonly sandboxCards?: ReadonlyArray<{ token: string; outcome: "approved" | "declined" }>;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
}

import { createHash } from "node:crypto";
import { buildBoleto } from "./boleto.ts";
import { buildBrCode } from "./pix-br-code.ts";
import type { CreatePaymentInput, CreatePaymentResult, PaymentProvider } from "./provider.ts";
import { WebhookVerificationError } from "./provider.ts";

/** Card "number" the test provider declines, like the gateways' sandbox cards. */
export const TEST_DECLINE_TOKEN = "tok_decline";

/** Brazil has kept UTC-3 all year since 2019: a boleto's due date is a day there. */
const BRAZIL_OFFSET_MS = -3 * 3_600_000;

const digitsFrom = (seed: string, length: number) =>
  [...createHash("sha256").update(seed).digest("hex")]
    .slice(0, length)
    .map((hex) => Number.parseInt(hex, 16) % 10)
    .join("");

function requireExpiry(input: CreatePaymentInput): Date {
  if (!input.expiresAt) throw new Error(`${input.method} payments need an expiry`);
  return input.expiresAt;
}

function pix(input: CreatePaymentInput): CreatePaymentResult {
  const expiresAt = requireExpiry(input);
  const id = `test_${input.idempotencyKey}`;
  const qrCode = buildBrCode({
    location: `pix.primestore.test/qr/v2/${input.idempotencyKey}`,
    amount: `${input.amount / 100n}.${(input.amount % 100n).toString().padStart(2, "0")}`,
    merchantName: "PRIME STORE SANDBOX",
    merchantCity: "SAO PAULO",
    txid: "***",
  });
  return { providerPaymentId: id, status: "pending", details: { qrCode, expiresAt: expiresAt.toISOString() } };
}

function boleto(input: CreatePaymentInput): CreatePaymentResult {
  const expiresAt = requireExpiry(input);
  const dueDate = new Date(expiresAt.getTime() + BRAZIL_OFFSET_MS).toISOString().slice(0, 10);
  const { barcode, digitableLine } = buildBoleto({ bankCode: "237", dueDate, amount: input.amount, freeField: digitsFrom(input.idempotencyKey, 25) });
  return { providerPaymentId: `test_${input.idempotencyKey}`, status: "pending", details: { digitableLine, barcode, dueDate } };
}

function card(input: CreatePaymentInput): CreatePaymentResult {
  const declined = input.fields.token === TEST_DECLINE_TOKEN;
  return {
    providerPaymentId: `test_${input.idempotencyKey}`,
    status: declined ? "failed" : "paid",
    details: { installments: input.installments },
    ...(declined ? { failureCode: "card_declined" } : {}),
  };
}

/**
 * Built-in sandbox provider, shaped like a real gateway per method: PIX and boleto stay pending
 * (a bank would pay them later; the storefront's test mode simulates that), cards are approved
 * at once unless they carry the decline token. Every result is a pure function of the request,
 * so a retried idempotency key gets the same payment back, as gateways guarantee, without state.
 * It keeps no records, so there is nothing to fetch or reconcile and it sends no webhooks: the
 * sandbox settles payments in our database directly. Refunds and payouts succeed at once; the
 * money is pretend, the bookkeeping is real.
 */
export function createTestPaymentProvider(): PaymentProvider {
  return {
    id: "test",
    methods: ["pix", "boleto", "card"],
    sandboxCards: [
      { token: "tok_approve", outcome: "approved" },
      { token: TEST_DECLINE_TOKEN, outcome: "declined" },
    ],
    async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
      if ((input.method === "pix" || input.method === "boleto") && input.currency !== "BRL") {
        return { providerPaymentId: `test_${input.idempotencyKey}`, status: "failed", details: {}, failureCode: "currency_not_supported" };
      }
      if (input.method === "pix") return pix(input);
      if (input.method === "boleto") return boleto(input);
      return card(input);
    },
    async getPayment() {
      throw new Error("The test provider keeps no records: the sandbox settles payments in the database");
    },
    async refund(input) {
      return { providerRefundId: `test_refund_${input.idempotencyKey}`, amount: input.amount, status: "succeeded" };
    },
    parseWebhook() {
      throw new WebhookVerificationError("missing_signature");
    },
    async connectUrl({ state, returnUrl }) {
      const url = new URL(returnUrl);
      url.searchParams.set("state", state);
      url.searchParams.set("code", "test");
      return url.toString();
    },
    async completeConnect() {
      return { accountId: "test" };
    },
    async refreshCredentials(credentials) {
      return credentials;
    },
    async payout(input) {
      return { providerPayoutId: `test_payout_${input.idempotencyKey}`, status: "paid" };
    },
  };
}

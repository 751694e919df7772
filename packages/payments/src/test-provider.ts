import type { CreatePaymentInput, CreatePaymentResult, PaymentProvider } from "./provider.ts";

/** Card "number" the test provider declines, like the gateways' sandbox cards. */
export const TEST_DECLINE_TOKEN = "tok_decline";

/**
 * Built-in provider for development and tests: approves at once, declines the decline token,
 * and answers the same idempotency key with the same result, as real gateways do.
 */
export function createTestPaymentProvider(): PaymentProvider {
  const seen = new Map<string, CreatePaymentResult>();
  return {
    id: "test",
    methods: ["test"],
    async createPayment(input: CreatePaymentInput) {
      const previous = seen.get(input.idempotencyKey);
      if (previous) return previous;
      const declined = input.fields.token === TEST_DECLINE_TOKEN;
      const result: CreatePaymentResult = {
        providerPaymentId: `test_${input.idempotencyKey}`,
        status: declined ? "failed" : "paid",
        details: { method: input.method, installments: input.installments },
        ...(declined ? { failureCode: "card_declined" } : {}),
      };
      seen.set(input.idempotencyKey, result);
      return result;
    },
  };
}

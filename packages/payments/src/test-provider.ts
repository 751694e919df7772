import type { CreatePaymentInput, CreatePaymentResult, PaymentProvider } from "./provider.ts";

/** Card "number" the test provider declines, like the gateways' sandbox cards. */
export const TEST_DECLINE_TOKEN = "tok_decline";

/**
 * Built-in provider for development and tests: approves at once and declines the decline token.
 * The result is a pure function of the request, so a retried idempotency key gets the same
 * payment back, as real gateways guarantee, without the provider keeping state.
 */
export function createTestPaymentProvider(): PaymentProvider {
  return {
    id: "test",
    methods: ["test"],
    async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
      const declined = input.fields.token === TEST_DECLINE_TOKEN;
      return {
        providerPaymentId: `test_${input.idempotencyKey}`,
        status: declined ? "failed" : "paid",
        details: { method: input.method, installments: input.installments },
        ...(declined ? { failureCode: "card_declined" } : {}),
      };
    },
  };
}

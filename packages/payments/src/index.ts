export * from "./provider.ts";
export { createTestPaymentProvider, TEST_DECLINE_TOKEN } from "./test-provider.ts";

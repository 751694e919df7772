export * from "./provider.ts";
export { createTestPaymentProvider, TEST_DECLINE_TOKEN } from "./test-provider.ts";
export { buildBrCode, crc16 } from "./pix-br-code.ts";
export { buildBoleto, isValidDigitableLine } from "./boleto.ts";

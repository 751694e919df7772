export * from "./provider.ts";
export { createTestPaymentProvider, TEST_DECLINE_TOKEN } from "./test-provider.ts";
export { buildBrCode, crc16 } from "./pix-br-code.ts";
export { buildBoleto, isValidDigitableLine } from "./boleto.ts";
export * from "./money/index.ts";
export { createStripePaymentProvider, type StripePaymentProvider, type StripeProviderConfig, type StripeTransfer } from "./stripe/stripe-provider.ts";
export { createMercadoPagoProvider, installmentOptions, type MercadoPagoApi, type MercadoPagoProviderConfig } from "./mercadopago/index.ts";

export { installmentOptions } from "./installments.ts";
export { createMercadoPagoProvider, type MercadoPagoProviderConfig } from "./mercadopago-provider.ts";
export type { MercadoPagoApi } from "./sdk-call.ts";

export { seededDemoStores } from "./seeded-demo-stores.ts";
export { testGateway } from "./test-gateway.ts";
export { connectMercadoPago, connectStripe, fakePaymentProviders, STRIPE_WEBHOOK_SECRET } from "./fake-providers.ts";
export { buyOne, useProviders } from "./buy-one.ts";
export { alterPosting } from "./alter-posting.ts";

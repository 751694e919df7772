export { seededDemoStores } from "./seeded-demo-stores.ts";
export { testGateway } from "./test-gateway.ts";

export { seedDemoData, type SeedResult, type SeedOptions } from "./seed.ts";
export { DEMO_PASSWORD, DEMO_STAFF, demoTenants } from "./demo-data.ts";

import { env } from "@primestore/config";
import { seedDemoData } from "./seed.ts";

const config = env();
if (!config.DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at the owner connection (pnpm start sets it for embedded PostgreSQL).");
  process.exit(1);
}
const result = await seedDemoData(config.DATABASE_URL, { platformDomain: config.PLATFORM_DOMAIN });
console.log(result.created ? "Demo data created." : "Demo data already present.");
console.table(result.logins);

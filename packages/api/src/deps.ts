import { databaseUrls, env, paymentsSandboxEnabled } from "@primestore/config";
import { createCache } from "@primestore/core/cache";
import { paymentGatewayFromEnv } from "@primestore/core/payments";
import { createPostalCodeLookup } from "@primestore/core/shipping";
import { createTenantResolver } from "@primestore/core/tenants";
import { createDbClient } from "@primestore/db";
import { createQueueHealth } from "@primestore/jobs/health";
import type { ApiDeps } from "./context.ts";

/** One set per process, from the validated environment. */
export function createApiDeps(applicationName: string): ApiDeps {
  const config = env();
  const urls = databaseUrls(config);
  const db = createDbClient(urls.app, { poolSize: config.DATABASE_POOL_SIZE, applicationName });
  const readDb = urls.read === urls.app ? db : createDbClient(urls.read, { poolSize: config.DATABASE_POOL_SIZE, applicationName: `${applicationName}-read` });
  const adminDb = createDbClient(urls.admin, { poolSize: 2, applicationName: `${applicationName}-admin` });
  const queueHealth = createQueueHealth({ redisUrl: config.REDIS_URL, databaseUrl: urls.app });
  const cache = createCache({ redisUrl: config.REDIS_URL });
  return {
    db,
    readDb,
    adminDb,
    cache,
    tenants: createTenantResolver(db, { cache }),
    payments: paymentGatewayFromEnv(config),
    paymentsSandbox: paymentsSandboxEnabled(config),
    postalCodes: createPostalCodeLookup({ baseUrl: config.CEP_LOOKUP_URL, cache }),
    queueHealth,
  };
}

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export { PrismaClient };
export type Db = InstanceType<typeof PrismaClient>;

export interface ClientOptions {
  /** Connections in this process's pool; PgBouncer multiplies them in production. */
  poolSize?: number;
  applicationName?: string;
}

/** Each client's connection pool, for the statements that skip the ORM (prepared-statement.ts). */
const pools = new WeakMap<object, pg.Pool>();

export function createDbClient(url: string, options: ClientOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? "primestore",
  });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export function poolOf(client: object): pg.Pool | undefined {
  return pools.get(client);
}

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export { PrismaClient };
export type Db = InstanceType<typeof PrismaClient>;

export interface ClientOptions {
  /** Connections in this process's pool; PgBouncer multiplies them in production. */
  poolSize?: number;
  applicationName?: string;
}

export function createDbClient(url: string, options: ClientOptions = {}): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? "primestore",
  });
  return new PrismaClient({ adapter });
}

import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ADMIN_DB_ROLE, APP_DB_ROLE, withCredentials } from "@primestore/config";
import pg from "pg";
import { createDbClient, type Db } from "../client.ts";
import { DEFAULT_MIGRATIONS_DIR } from "../migrate/migrations-dir.ts";
import { deployMigrations } from "../migrate/index.ts";
import { ensureDatabaseRoles } from "../roles.ts";

export { createShippedOrder, type ShippedOrderOwner } from "./shipped-order.ts";

export const TEST_APP_PASSWORD = "primestore_app_dev";
export const TEST_ADMIN_PASSWORD = "primestore_admin_dev";

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  adminUrl: string;
  /** RLS-bound client (what the apps use). */
  app: Db;
  /** BYPASSRLS client (staff, schedulers). */
  admin: Db;
  drop(): Promise<void>;
}

/** The server tests run against: set by the vitest global setup (or by CI). */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run tests through the root vitest config");
  return url;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function migrationsFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of (await readdir(DEFAULT_MIGRATIONS_DIR)).sort()) {
    const file = join(DEFAULT_MIGRATIONS_DIR, entry, "migration.sql");
    hash.update(entry).update(await readFile(file, "utf8").catch(() => ""));
  }
  return hash.digest("hex").slice(0, 12);
}

async function withServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated template per migrations version, built once under an advisory lock; each test
 * file then gets its own copy in milliseconds (CREATE DATABASE ... TEMPLATE).
 */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const template = `primestore_tpl_${await migrationsFingerprint()}`;
  await withServer(serverUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext('primestore.test_template'))");
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (exists.rowCount) return;
      await ensureDatabaseRoles(serverUrl, { appPassword: TEST_APP_PASSWORD, adminPassword: TEST_ADMIN_PASSWORD });
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      await deployMigrations(databaseUrl(serverUrl, building));
      // Renamed only when complete: a crash mid-build never leaves a half-migrated template.
      await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('primestore.test_template'))");
    }
  });
  return template;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const template = await ensureTemplate(serverUrl);
  const name = `primestore_t_${randomBytes(6).toString("hex")}`;
  await withServer(serverUrl, async (client) => {
    // Copying a template needs it free of other sessions: serialise copies across test workers.
    await client.query("SELECT pg_advisory_lock(hashtext('primestore.test_template'))");
    try {
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('primestore.test_template'))");
    }
  });
  const ownerUrl = databaseUrl(serverUrl, name);
  const appUrl = withCredentials(ownerUrl, APP_DB_ROLE, TEST_APP_PASSWORD);
  const adminUrl = withCredentials(ownerUrl, ADMIN_DB_ROLE, TEST_ADMIN_PASSWORD);
  const app = createDbClient(appUrl, { poolSize: 4, applicationName: "test-app" });
  const admin = createDbClient(adminUrl, { poolSize: 2, applicationName: "test-admin" });
  return {
    name,
    ownerUrl,
    appUrl,
    adminUrl,
    app,
    admin,
    async drop() {
      await Promise.all([app.$disconnect(), admin.$disconnect()]);
      await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

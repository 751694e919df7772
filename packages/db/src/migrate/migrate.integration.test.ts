import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDrift, createMigration, deployMigrations } from "./index.ts";
import { withDatabase } from "./pg-adapter-factory.ts";
import { testServerUrl } from "../testing/index.ts";

const serverUrl = testServerUrl();
const databaseUrl = withDatabase(serverUrl, `migrate_test_${randomUUID().replaceAll("-", "")}`);

const schema = `datasource db {
  provider = "postgresql"
}

model Tenant {
  id       String    @id @default(uuid()) @db.Uuid
  slug     String    @unique
  products Product[]
}

model Product {
  id       String @id @default(uuid()) @db.Uuid
  tenantId String @db.Uuid
  tenant   Tenant @relation(fields: [tenantId], references: [id])
  title    String
}
`;

let admin: pg.Client;
let workDir: string;
let schemaPath: string;
let migrationsDir: string;

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tablesIn(url: string): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

async function shadowDatabases(): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
  return rows.map((row) => row.datname);
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${new URL(databaseUrl).pathname.slice(1)}"`);
  workDir = await mkdtemp(join(tmpdir(), "primestore-migrate-"));
  schemaPath = join(workDir, "schema.prisma");
  migrationsDir = join(workDir, "migrations");
  await writeFile(schemaPath, schema);
});

afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  await admin?.end();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// One scenario, in order: each step builds on the database and folder the previous one left.
describe("migrations through the WebAssembly schema engine", { timeout: 20_000 }, () => {
  let serverTablesBefore: string[];
  let shadowsBefore: string[];

  it("creates the first migration, with row-level security for the tenant table only", async () => {
    serverTablesBefore = await tablesIn(serverUrl);
    shadowsBefore = await shadowDatabases();

    const migration = await createMigration({ name: "Init shop!", schemaPath, migrationsDir, databaseUrl });

    expect(migration).not.toBeNull();
    const { dir, sql } = migration!;
    expect(basename(dir)).toMatch(/^\d{14}_init_shop$/);
    expect(await readFile(join(dir, "migration.sql"), "utf8")).toBe(sql);
    expect(await readFile(join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(sql).toContain('CREATE TABLE "Product" (');
    expect(sql).toContain('"tenantId" UUID NOT NULL');
    expect(sql).toContain('ALTER TABLE "Product" FORCE ROW LEVEL SECURITY;');
    expect(sql.match(/CREATE POLICY tenant_isolation ON "\w+"/g)).toEqual(['CREATE POLICY tenant_isolation ON "Product"']);
  });

  it("leaves the connected and server databases alone while diffing in a shadow database", async () => {
    expect(await tablesIn(databaseUrl)).toEqual([]);
    expect(await tablesIn(serverUrl)).toEqual(serverTablesBefore);
    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });

  it("writes nothing when the schema has no new changes", async () => {
    expect(await createMigration({ name: "again", schemaPath, migrationsDir, databaseUrl })).toBeNull();
    expect(await readdir(migrationsDir)).toHaveLength(2);
  });

  it("deploys the migration, recorded in _prisma_migrations, with the policy in force", async () => {
    const [migrationName] = (await readdir(migrationsDir)).filter((entry) => entry !== "migration_lock.toml");

    expect(await deployMigrations(databaseUrl, { migrationsDir })).toEqual({ applied: [migrationName] });

    const recorded = await query<{ migration_name: string; finished_at: Date | null }>(
      databaseUrl,
      'SELECT migration_name, finished_at FROM "_prisma_migrations"',
    );
    expect(recorded).toEqual([{ migration_name: migrationName, finished_at: expect.any(Date) }]);
    const security = await query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      databaseUrl,
      "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname IN ('Tenant', 'Product') ORDER BY relname",
    );
    expect(security).toEqual([
      { relname: "Product", relrowsecurity: true, relforcerowsecurity: true },
      { relname: "Tenant", relrowsecurity: false, relforcerowsecurity: false },
    ]);
  });

  it("applies nothing on a second deploy", async () => {
    expect(await deployMigrations(databaseUrl, { migrationsDir })).toEqual({ applied: [] });
  });

  it("reports no drift while the migrations produce the schema", async () => {
    expect(await checkDrift({ schemaPath, migrationsDir, databaseUrl })).toEqual({
      drift: false,
      sql: expect.stringContaining("empty migration"),
    });
  });

  it("reports drift, with the missing SQL, once the schema changes", async () => {
    await writeFile(schemaPath, schema.replace("  title    String\n", "  title    String\n  price    Int?\n"));

    const { drift, sql } = await checkDrift({ schemaPath, migrationsDir, databaseUrl });

    expect(drift).toBe(true);
    expect(sql).toContain('ALTER TABLE "Product" ADD COLUMN     "price" INTEGER;');
  });

  it("never touched anything but its own databases", async () => {
    expect(await tablesIn(databaseUrl)).toEqual(["Product", "Tenant", "_prisma_migrations"]);
    expect(await tablesIn(serverUrl)).toEqual(serverTablesBefore);
    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });
});

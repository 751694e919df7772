import { readFile } from "node:fs/promises";
import { databaseUrls } from "@primestore/config";
import type { DiffTarget, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, readMigrationList, writeMigration } from "./migrations-dir.ts";
import { appendRowLevelSecurity } from "./rls.ts";
import { withSchemaEngine, type SchemaFile } from "./schema-engine.ts";

export interface SchemaDiffOptions {
  schemaPath?: string;
  migrationsDir?: string;
  /** Owner connection; the shadow database that replays the migrations is created on its server. Default: DATABASE_URL. */
  databaseUrl?: string;
}

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
const EMPTY_MIGRATION = "-- This is an empty migration.";

function isEmptyMigration(sql: string): boolean {
  const trimmed = sql.trim();
  return trimmed === "" || trimmed === EMPTY_MIGRATION;
}

async function readSchema(schemaPath: string): Promise<SchemaFile> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

/** SQL that takes a database built from the migrations to the schema. Needs a shadow database. */
async function diffMigrationsToSchema(engine: SchemaEngine, migrationsDir: string, schema: SchemaFile): Promise<string> {
  const from: DiffTarget = { tag: "migrations", ...(await readMigrationList(migrationsDir)) };
  const to: DiffTarget = { tag: "schemaDatamodel", files: [schema] };
  const { stdout } = await engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTERS });
  return stdout ?? "";
}

async function diffFromOptions(options: SchemaDiffOptions): Promise<string> {
  const schema = await readSchema(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const databaseUrl = options.databaseUrl ?? databaseUrls().owner;
  return withSchemaEngine({ databaseUrl, schema }, (engine) =>
    diffMigrationsToSchema(engine, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, schema),
  );
}

/**
 * Writes the migration that takes the migrations folder to the schema, with row-level security
 * for the tenant tables it creates. Null (and nothing written) when they already agree.
 */
export async function createMigration(
  options: SchemaDiffOptions & { name: string },
): Promise<{ dir: string; sql: string } | null> {
  const diff = await diffFromOptions(options);
  if (isEmptyMigration(diff)) return null;
  const sql = appendRowLevelSecurity(diff);
  const dir = await writeMigration(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, options.name, sql);
  return { dir, sql };
}

/** Applies pending migrations, recording them in `_prisma_migrations` like `prisma migrate deploy`. */
export async function deployMigrations(
  ownerUrl: string,
  options: { migrationsDir?: string } = {},
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const { appliedMigrationNames } = await withSchemaEngine({ databaseUrl: ownerUrl }, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: appliedMigrationNames };
}

/** Whether the schema has changes no migration captures yet (`sql` is the missing migration). */
export async function checkDrift(options: SchemaDiffOptions = {}): Promise<{ drift: boolean; sql: string }> {
  const sql = await diffFromOptions(options);
  return { drift: !isEmptyMigration(sql), sql };
}

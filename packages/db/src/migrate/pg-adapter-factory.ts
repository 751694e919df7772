import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** Same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function runOnServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Driver adapter factory for the schema engine. Two things PrismaPg 7.10 gets wrong here:
 * - its `connectToShadowDb()` spreads `{ ...config, database }`, but pg lets `connectionString`
 *   win, so the "shadow" database it migrates and wipes is the main database;
 * - the engine's `free()` never disposes adapters, so their pools keep the process alive.
 * Shadow databases get a unique name and a URL of their own, and `close()` releases whatever
 * the engine left open.
 */
export class ShadowSafePgAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  readonly #main: PrismaPg;
  readonly #pendingDisposals = new Set<() => Promise<void>>();

  constructor(private readonly databaseUrl: string) {
    this.#main = new PrismaPg(databaseUrl);
    this.adapterName = this.#main.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.#disposeOnce(await this.#main.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await runOnServer(this.databaseUrl, `CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg(withDatabase(this.databaseUrl, database)).connect();
    // FORCE: a connection the pool has not finished closing must not keep the database alive.
    return this.#disposeOnce(adapter, () => runOnServer(this.databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }

  /** Disposes every adapter the engine did not, dropping their shadow databases. */
  async close(): Promise<void> {
    const results = await Promise.allSettled([...this.#pendingDisposals].map((dispose) => dispose()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  }

  /** pg throws when a pool is ended twice, and both the engine and `close()` may dispose. */
  #disposeOnce(adapter: SqlDriverAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter {
    const disposePool = adapter.dispose.bind(adapter);
    const dispose = async () => {
      this.#pendingDisposals.delete(dispose);
      try {
        await disposePool();
      } finally {
        await afterDispose?.();
      }
    };
    this.#pendingDisposals.add(dispose);
    adapter.dispose = dispose;
    return adapter;
  }
}

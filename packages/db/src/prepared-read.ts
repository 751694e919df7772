import type { Db } from "./client.ts";
import { poolOf } from "./client.ts";
import type { Tx } from "./tenant-transaction.ts";

/** One constant statement with `$n` parameters, and the name each connection prepares it under. */
export interface PreparedRead {
  name: string;
  text: string;
}

/**
 * Runs a hot single-statement read as a named prepared statement on the client's own pool
 * (docs/decisions/016): each connection parses and plans it once, and the request skips the ORM's
 * per-query work. Inside a transaction it runs on the transaction's connection through Prisma,
 * so it sees what the transaction sees.
 */
export async function preparedRead<Row>(db: Db | Tx, statement: PreparedRead, values: readonly unknown[]): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) return (db as Tx).$queryRawUnsafe<Row[]>(statement.text, ...values);
  const result = await pool.query({ name: statement.name, text: statement.text, values: [...values] });
  return result.rows as Row[];
}

import type { Db } from "./client.ts";
import { poolOf } from "./client.ts";
import type { Tx } from "./tenant-transaction.ts";

/** One constant statement with `$n` parameters, and the name each connection prepares it under. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a hot statement as a named prepared statement on the client's own pool (docs/decisions/016):
 * each connection parses and plans it once, and the request skips the ORM's per-query work. On
 * the pool the statement is its own transaction; the checkout's writes are single statements of
 * this kind (docs/decisions/019). Inside a transaction it runs on the transaction's connection
 * through Prisma, so it sees and is part of what the transaction does.
 */
export async function runPrepared<Row>(db: Db | Tx, statement: PreparedStatement, values: readonly unknown[]): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) return (db as Tx).$queryRawUnsafe<Row[]>(statement.text, ...values);
  const result = await pool.query({ name: statement.name, text: statement.text, values: [...values] });
  return result.rows as Row[];
}

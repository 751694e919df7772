/** What PostgreSQL said went wrong: its SQLSTATE and, when the statement gave one, its DETAIL. */
export interface DatabaseErrorReport {
  code: string;
  detail?: string;
}

/**
 * The PostgreSQL error behind `error`, from either path a statement takes: node-postgres on the
 * pool (`runPrepared`) reports it directly; Prisma's raw queries wrap it (P2010) with the driver
 * adapter's report as the cause.
 */
export function databaseErrorOf(error: unknown): DatabaseErrorReport | null {
  if (typeof error !== "object" || error === null) return null;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string; detail?: string } } } }).meta?.driverAdapterError?.cause;
  // A node-postgres error carries the server's severity; Prisma's own errors have codes of the
  // same shape (P2002) and must not pass for a SQLSTATE.
  const direct = !cause && "severity" in error ? (error as { code?: unknown; detail?: unknown }) : null;
  const code = cause ? (cause.originalCode ?? cause.code) : direct?.code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return null;
  const detail = cause ? cause.detail : direct?.detail;
  return typeof detail === "string" ? { code, detail } : { code };
}

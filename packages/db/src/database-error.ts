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
  const code = cause ? (cause.originalCode ?? cause.code) : (error as { code?: unknown }).code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return null;
  const detail = cause ? cause.detail : (error as { detail?: unknown }).detail;
  return typeof detail === "string" ? { code, detail } : { code };
}

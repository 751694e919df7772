import { databaseErrorOf } from "@primestore/db";

/**
 * Domain error codes. The API maps each to a transport status once (packages/api/src/errors.ts);
 * UIs translate them through i18next (`errors.<CODE>`).
 */
export const errorCodes = [
  "BAD_REQUEST",
  "VALIDATION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "TENANT_NOT_FOUND",
  "TENANT_SUSPENDED",
  "INVALID_CREDENTIALS",
  "OUT_OF_STOCK",
  "PAYMENT_DECLINED",
  "CURRENCY_NOT_ENABLED",
  "PRICE_MISSING",
  "SHIPPING_UNAVAILABLE",
  "PAYMENT_METHOD_UNAVAILABLE",
  "INSTALLMENTS_UNAVAILABLE",
  "EMAIL_TAKEN",
  "RESET_TOKEN_INVALID",
  "RATE_LIMITED",
  "REFUND_NOT_ALLOWED",
  "REFUND_EXCEEDS_CAPTURED",
  "PAYMENT_PROVIDER_UNAVAILABLE",
  "PAYMENT_PROVIDER_FAILED",
  "LAST_OWNER",
  "ROLE_IN_USE",
  "ROLE_NAME_TAKEN",
  "ALREADY_MEMBER",
  "INVITE_INVALID",
  "TWO_FACTOR_INVALID",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string = code,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Postgres unique violations (23505): P2002 from Prisma's models, the SQLSTATE from raw statements. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002" || databaseErrorOf(error)?.code === "23505";
}

/** Postgres foreign key violations (23503), from Prisma's models (P2003) or raw statements. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2003" || databaseErrorOf(error)?.code === "23503";
}

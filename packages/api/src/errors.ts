import { isAppError, type ErrorCode } from "@primestore/core/errors";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import { ZodError } from "zod";

const transportCode: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  VALIDATION: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  TENANT_SUSPENDED: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  TENANT_NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  OUT_OF_STOCK: "CONFLICT",
  PAYMENT_DECLINED: "UNPROCESSABLE_CONTENT",
  CURRENCY_NOT_ENABLED: "BAD_REQUEST",
  PRICE_MISSING: "BAD_REQUEST",
  SHIPPING_UNAVAILABLE: "BAD_REQUEST",
  PAYMENT_METHOD_UNAVAILABLE: "BAD_REQUEST",
  INSTALLMENTS_UNAVAILABLE: "BAD_REQUEST",
  EMAIL_TAKEN: "CONFLICT",
  RESET_TOKEN_INVALID: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  REFUND_NOT_ALLOWED: "CONFLICT",
  REFUND_EXCEEDS_CAPTURED: "BAD_REQUEST",
  PAYMENT_PROVIDER_UNAVAILABLE: "BAD_REQUEST",
  PAYMENT_PROVIDER_FAILED: "BAD_GATEWAY",
  LAST_OWNER: "CONFLICT",
  ROLE_IN_USE: "CONFLICT",
  ROLE_NAME_TAKEN: "CONFLICT",
  ALREADY_MEMBER: "CONFLICT",
  INVITE_INVALID: "BAD_REQUEST",
  TWO_FACTOR_INVALID: "BAD_REQUEST",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

export interface ErrorData {
  /** The domain code; clients translate `errors.<appCode>`. */
  appCode: ErrorCode;
  fieldErrors?: Record<string, string[]>;
}

/** Domain errors thrown by core become tRPC errors here, and only here. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (isAppError(error)) return new TRPCError({ code: transportCode[error.code], message: error.code, cause: error });
  if (error instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: "VALIDATION", cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "INTERNAL", cause: error instanceof Error ? error : undefined });
}

/** What a client may see of an error: a code and field messages, never a stack or SQL. */
export function errorData(error: TRPCError): ErrorData {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of cause.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { appCode: "VALIDATION", fieldErrors };
  }
  if (isAppError(cause)) return { appCode: cause.code };
  const byTransport: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
    BAD_REQUEST: "BAD_REQUEST",
    UNAUTHORIZED: "UNAUTHORIZED",
    FORBIDDEN: "FORBIDDEN",
    NOT_FOUND: "NOT_FOUND",
    CONFLICT: "CONFLICT",
  };
  return { appCode: byTransport[error.code] ?? "INTERNAL" };
}

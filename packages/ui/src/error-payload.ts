import type { ErrorData } from "@primestore/api/client";

export type AppErrorCode = ErrorData["appCode"];

/** The data of an error response a loader throws; boundaries translate `errors.<code>`. */
export interface ErrorPayload {
  code: AppErrorCode;
  /** Store-not-found pages name the host that was asked for. */
  host?: string;
  /** Set when the root loader fails, so the error page still speaks the visitor's language. */
  locale?: string;
}

export function errorPayloadOf(value: unknown): ErrorPayload | null {
  if (typeof value !== "object" || value === null || !("code" in value) || typeof value.code !== "string") return null;
  return value as ErrorPayload;
}

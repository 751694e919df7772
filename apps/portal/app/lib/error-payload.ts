import type { ErrorData } from "@primestore/api/client";

export type AppErrorCode = ErrorData["appCode"];

/** The data of an error response a loader throws; boundaries translate `errors.<code>`. */
export interface ErrorPayload {
  code: AppErrorCode;
}

export function errorPayloadOf(value: unknown): ErrorPayload | null {
  if (typeof value !== "object" || value === null || !("code" in value) || typeof value.code !== "string") return null;
  return value as ErrorPayload;
}

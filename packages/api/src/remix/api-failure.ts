import { DEFAULT_LOCALE, resources } from "@primestore/i18n";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ErrorData } from "../errors.ts";

const translatedCodes = new Set(Object.keys(resources[DEFAULT_LOCALE].errors));

export interface ApiFailure {
  code: ErrorData["appCode"];
  status: number;
  /** Input paths that failed validation, e.g. `shippingAddress.postalCode` or `prices.BRL`. */
  invalidFields: string[];
}

function issuePaths(cause: unknown): string[] {
  if (typeof cause !== "object" || cause === null || !("issues" in cause) || !Array.isArray(cause.issues)) return [];
  return cause.issues.map((issue: { path?: PropertyKey[] }) => (issue.path ?? []).map(String).join("."));
}

/**
 * What a failed server-side tRPC call means for a page. The API's error mapping puts the domain
 * code in the message, and validation issues stay on the cause (../errors.ts).
 */
export function apiFailure(error: unknown): ApiFailure | null {
  if (!(error instanceof TRPCError)) return null;
  const code = translatedCodes.has(error.message) ? (error.message as ApiFailure["code"]) : "INTERNAL";
  return { code, status: getHTTPStatusCodeFromError(error), invalidFields: issuePaths(error.cause) };
}

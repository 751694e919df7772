import { DEFAULT_LOCALE, resources } from "@primestore/i18n";
import { data, redirect } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { loginPath } from "./auth.server.ts";
import type { AppErrorCode, ErrorPayload } from "./error-payload.ts";

const translatedCodes = new Set(Object.keys(resources[DEFAULT_LOCALE].errors));

export interface ApiFailure {
  code: AppErrorCode;
  status: number;
  /** Input paths that failed validation, e.g. `prices.BRL`. */
  invalidFields: string[];
}

function issuePaths(cause: unknown): string[] {
  if (typeof cause !== "object" || cause === null || !("issues" in cause) || !Array.isArray(cause.issues)) return [];
  return cause.issues.map((issue: { path?: PropertyKey[] }) => (issue.path ?? []).map(String).join("."));
}

/**
 * What a failed server-side tRPC call means for a page. The API's error mapping puts the domain
 * code in the message, and validation issues stay on the cause (packages/api/src/errors.ts).
 */
export function apiFailure(error: unknown): ApiFailure | null {
  if (!(error instanceof TRPCError)) return null;
  const code = translatedCodes.has(error.message) ? (error.message as AppErrorCode) : "INTERNAL";
  return { code, status: getHTTPStatusCodeFromError(error), invalidFields: issuePaths(error.cause) };
}

/**
 * A `.catch` for loaders: signed out -> the login page (and back afterwards), a domain failure ->
 * an error page for the route's ErrorBoundary. Anything unexpected is rethrown untouched so Remix
 * logs it and shows a generic 500.
 */
export function throwForPage(request: Request) {
  return (error: unknown): never => {
    const failure = apiFailure(error);
    if (failure?.code === "UNAUTHORIZED") throw redirect(loginPath(request));
    if (!failure || failure.code === "INTERNAL") throw error;
    throw data({ code: failure.code } satisfies ErrorPayload, { status: failure.status });
  };
}

import { apiFailure, type ApiFailure } from "@primestore/api/remix";
import type { AppErrorCode, ErrorPayload } from "@primestore/ui";
import { data } from "@remix-run/node";

/**
 * A domain failure the page can explain (a wrong field, a taken email). Anything unexpected is
 * rethrown untouched so Remix logs it and shows a generic 500.
 */
export function expectedFailure(error: unknown): ApiFailure {
  const failure = apiFailure(error);
  if (!failure || failure.code === "INTERNAL") throw error;
  return failure;
}

/** Turns a domain failure into an error response for the route's ErrorBoundary. */
export function throwAsResponse(error: unknown, statusOverrides: Partial<Record<AppErrorCode, number>> = {}): never {
  const failure = expectedFailure(error);
  throw data({ code: failure.code } satisfies ErrorPayload, { status: statusOverrides[failure.code] ?? failure.status });
}

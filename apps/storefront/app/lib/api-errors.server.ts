import { apiFailure } from "@primestore/api/remix";
import type { AppErrorCode, ErrorPayload } from "@primestore/ui";
import { data } from "@remix-run/node";

/**
 * Turns a domain failure into an error response for the route's ErrorBoundary. Anything
 * unexpected is rethrown untouched so Remix logs it and shows a generic 500.
 */
export function throwAsResponse(error: unknown, statusOverrides: Partial<Record<AppErrorCode, number>> = {}): never {
  const failure = apiFailure(error);
  if (!failure || failure.code === "INTERNAL") throw error;
  throw data({ code: failure.code } satisfies ErrorPayload, { status: statusOverrides[failure.code] ?? failure.status });
}

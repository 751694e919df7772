import { apiFailure } from "@primestore/api/remix";
import type { ErrorPayload } from "@primestore/ui";
import { data, redirect } from "@remix-run/node";
import { loginPath } from "./auth.server.ts";

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

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

/**
 * An API failure as an action shows it on its page (a code to translate, a status, the fields the
 * API refused); signed out goes to the login page, anything unexpected to the 500 page.
 */
export function failureForAction(request: Request, error: unknown) {
  const failure = apiFailure(error);
  if (failure?.code === "UNAUTHORIZED") throw redirect(loginPath(request));
  if (!failure || failure.code === "INTERNAL") throw error;
  return failure;
}

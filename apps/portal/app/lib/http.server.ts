import type { AppErrorCode, ErrorPayload } from "@primestore/ui";
import { data } from "@remix-run/node";

export { safeRedirect } from "@primestore/api/remix";

/** Like `invariant`, but fails with an HTTP error page instead of a crash (epic-stack style). */
export function invariantResponse(condition: unknown, code: AppErrorCode, status: number, extra: Omit<ErrorPayload, "code"> = {}): asserts condition {
  if (!condition) throw data({ code, ...extra } satisfies ErrorPayload, { status });
}

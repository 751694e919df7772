import type { AppErrorCode, ErrorPayload } from "@primestore/ui";
import { data } from "@remix-run/node";

/** Like `invariant`, but fails with an HTTP error page instead of a crash (epic-stack style). */
export function invariantResponse(condition: unknown, code: AppErrorCode, status: number, extra: Omit<ErrorPayload, "code"> = {}): asserts condition {
  if (!condition) throw data({ code, ...extra } satisfies ErrorPayload, { status });
}

/** Only same-site paths: `//evil.example` and `/\evil.example` are other hosts to a browser. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}

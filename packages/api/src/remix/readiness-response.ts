import type { ApiDeps } from "../context.ts";
import { checkReadiness } from "../readiness.ts";

const noStore = { "Cache-Control": "no-store" };

/**
 * The answer to a readiness probe: take traffic only while the database and the queue backend
 * answer. `deps` is a thunk because creating them can throw too (e.g. an invalid environment).
 */
export async function readinessResponse(deps: () => ApiDeps): Promise<Response> {
  try {
    const readiness = await checkReadiness(deps());
    return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: noStore });
  } catch (error) {
    // The reason goes to the log, never to the probe.
    console.error("[readyz]", error);
    return Response.json({ ok: false }, { status: 503, headers: noStore });
  }
}

import { checkReadiness } from "@primestore/api";
import { apiDeps } from "../lib/api.server.ts";

const noStore = { "Cache-Control": "no-store" };

/** Readiness: take traffic only while the database and the queue backend answer. */
export async function loader() {
  try {
    const readiness = await checkReadiness(apiDeps());
    return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: noStore });
  } catch (error) {
    // No dependencies at all (e.g. an invalid environment): the reason goes to the log, never to the probe.
    console.error("[readyz]", error);
    return Response.json({ ok: false }, { status: 503, headers: noStore });
  }
}

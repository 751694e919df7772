import { readinessResponse } from "@primestore/api/remix";
import { apiDeps } from "../lib/api.server.ts";

/** Readiness: take traffic only while the database and the queue backend answer. */
export const loader = () => readinessResponse(apiDeps);

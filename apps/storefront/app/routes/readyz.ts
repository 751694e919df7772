import { checkReadiness } from "../lib/readiness.server.ts";
import { apiDeps } from "../lib/api.server.ts";

/** Readiness: take traffic only while the database answers. */
export const loader = () => checkReadiness(() => apiDeps());

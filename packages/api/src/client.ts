// Browser-safe surface: types only, plus the transformer both ends must share.
export type { AppRouter } from "./root.ts";
export type { ErrorData } from "./errors.ts";
export { default as transformer } from "superjson";
export const TRPC_ENDPOINT = "/api/trpc";

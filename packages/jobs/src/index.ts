export * from "./queues.ts";
export * from "./routes.ts";
export * from "./backend.ts";
export * from "./health.ts";

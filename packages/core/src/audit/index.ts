export * from "./record-audit.ts";
export * from "./list-audit.ts";

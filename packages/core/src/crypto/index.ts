export * from "./seal.ts";

export * from "./password.ts";
export * from "./tokens.ts";
export * from "./users.ts";
export * from "./permissions.ts";
export * from "./customers.ts";

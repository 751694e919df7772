export * from "./password.ts";
export * from "./tokens.ts";
export * from "./users.ts";
export * from "./permissions.ts";
export * from "./customers.ts";
export * from "./two-factor.ts";
export * from "./totp.ts";
export * from "./user-password-reset.ts";

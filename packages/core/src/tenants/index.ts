export * from "./resolve.ts";
export { TtlCache } from "./ttl-cache.ts";
export { listTenantsForStaff } from "./staff.ts";
export * from "./store-settings.ts";

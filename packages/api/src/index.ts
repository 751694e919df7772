export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createTrpcHandler, createServerCaller, TRPC_ENDPOINT } from "./handler.ts";
export { createContextFactory, SESSION_COOKIE, CUSTOMER_COOKIE, CART_COOKIE, STORE_HEADER, type ApiDeps, type Context } from "./context.ts";
export { createApiDeps } from "./deps.ts";
export type { ErrorData } from "./errors.ts";
export { checkReadiness, type Readiness } from "./readiness.ts";
/** For the storefront's forms: the limits the API enforces. */
export { MAX_ADDRESSES, MIN_PASSWORD_LENGTH } from "@primestore/core/account";
/** For the portal's navigation: what a member's role may do (the procedures enforce it again). */
export { sellerPermissions, type SellerPermission } from "@primestore/core/auth";
export { handleWebhook } from "./webhooks.ts";
export { storeSlugOfConnectState } from "@primestore/core/payments";
/** For the store settings form: the currencies a store can sell in. */
export { STORE_CURRENCIES } from "@primestore/core/tenants";

import { accountRouter } from "./routers/account/index.ts";
import { auditRouter } from "./routers/audit/index.ts";
import { authRouter } from "./routers/auth/index.ts";
import { cartRouter } from "./routers/cart/index.ts";
import { catalogRouter } from "./routers/catalog/index.ts";
import { ordersRouter } from "./routers/orders/index.ts";
import { paymentsRouter } from "./routers/payments/index.ts";
import { settingsRouter } from "./routers/settings/index.ts";
import { shippingRouter } from "./routers/shipping/index.ts";
import { teamRouter } from "./routers/team/index.ts";
import { tenantsRouter } from "./routers/tenants/index.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  account: accountRouter,
  audit: auditRouter,
  auth: authRouter,
  cart: cartRouter,
  catalog: catalogRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  settings: settingsRouter,
  shipping: shippingRouter,
  team: teamRouter,
  tenants: tenantsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

import { staffRoleGrants, type SellerPermission, type StaffPermission } from "@primestore/core/auth";
import { AppError } from "@primestore/core/errors";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context.ts";
import { errorData, toTRPCError } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const data = errorData(error);
    // The message is the code: no stack, SQL or internal text reaches a client.
    return { ...shape, message: data.appCode, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, ...data } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every domain error leaves through one mapping. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error.cause ?? result.error);
  return result;
});

/** No tenant needed: health, portal sign-in. */
export const baseProcedure = t.procedure.use(mapErrors);

/** A storefront request whose host belongs to an active tenant. */
export const publicProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.tenant) throw new AppError("TENANT_NOT_FOUND");
  if (ctx.tenant.status !== "active") throw new AppError("TENANT_SUSPENDED");
  return next({ ctx: { tenant: ctx.tenant } });
});

/** Answered for one shopper (cart, checkout, order status, account): no browser cache or CDN may keep it. */
export const privateProcedure = publicProcedure.use(({ ctx, next }) => {
  ctx.resHeaders.set("Cache-Control", "private, no-store");
  return next();
});

/** A shopper on this store: the signed-in customer, or `customer: null` for a guest. */
export const visitorProcedure = privateProcedure.use(async ({ ctx, next }) => next({ ctx: { customer: await ctx.customer() } }));

/** A signed-in customer of this store. */
export const shopperProcedure = visitorProcedure.use(({ ctx, next }) => {
  if (!ctx.customer) throw new AppError("UNAUTHORIZED");
  return next({ ctx: { customer: ctx.customer } });
});

const signedIn = baseProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.user();
  if (!user) throw new AppError("UNAUTHORIZED");
  return next({ ctx: { user } });
});

export const authedProcedure = signedIn;

/** A member of the store named in the request, whose role grants `permission`. */
export function sellerProcedure(permission: SellerPermission) {
  return signedIn.use(async ({ ctx, next }) => {
    const membership = ctx.user.memberships.find((m) => m.tenantSlug === ctx.storeSlug);
    if (!membership) throw new AppError("FORBIDDEN", "Not a member of this store");
    if (!membership.permissions.includes(permission)) throw new AppError("FORBIDDEN", `Role ${membership.roleName ?? membership.role} lacks ${permission}`);
    const tenant = await ctx.deps.tenants.bySlug(membership.tenantSlug);
    if (!tenant) throw new AppError("TENANT_NOT_FOUND");
    return next({ ctx: { tenant, membership } });
  });
}

/** Platform staff with `permission`; the only rung that gets the BYPASSRLS client. */
export function staffProcedure(permission: StaffPermission) {
  return signedIn.use(({ ctx, next }) => {
    if (!ctx.user.staffRole || !staffRoleGrants(ctx.user.staffRole, permission)) throw new AppError("FORBIDDEN");
    return next({ ctx: { adminDb: ctx.deps.adminDb } });
  });
}

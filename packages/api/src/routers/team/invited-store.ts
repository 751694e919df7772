import { AppError } from "@primestore/core/errors";
import type { Context } from "../../context.ts";

/** The store an invitation link names; an unknown or suspended one makes the link invalid, saying no more. */
export async function invitedStore(ctx: Pick<Context, "deps">, slug: string) {
  const tenant = await ctx.deps.tenants.bySlug(slug);
  if (!tenant || tenant.status !== "active") throw new AppError("INVITE_INVALID");
  return tenant;
}

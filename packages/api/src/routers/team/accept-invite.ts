import { signInUser } from "@primestore/core/auth";
import { acceptInvite, acceptInviteInput } from "@primestore/core/team";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import { invitedStore } from "./invited-store.ts";

/** Joins the store through an invitation and signs the person in. */
export const acceptInviteRoute = baseProcedure
  .input(acceptInviteInput)
  .output(z.object({ store: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const tenant = await invitedStore(ctx, input.store);
    const { email } = await acceptInvite(ctx.db, tenant.id, input);
    setSessionCookie(ctx.resHeaders, await signInUser(ctx.db, { email, password: input.password }));
    return { store: tenant.slug };
  });

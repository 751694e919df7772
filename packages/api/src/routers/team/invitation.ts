import { describeInvite, inviteLink } from "@primestore/core/team";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";
import { invitedStore } from "./invited-store.ts";

/** The invitation page, before signing in: anyone holding the link may read what it offers. */
export const invitationRoute = baseProcedure
  .input(inviteLink)
  .output(z.object({ storeName: z.string(), email: z.string(), role: z.enum(["owner", "manager", "staff", "custom"]), roleName: z.string().nullable(), hasAccount: z.boolean() }))
  .query(async ({ ctx, input }) => describeInvite(ctx.db, (await invitedStore(ctx, input.store)).id, input.token));

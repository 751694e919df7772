import { awaitsSecondFactor } from "@primestore/core/auth";
import { z } from "zod";
import { baseProcedure } from "../../trpc.ts";

export const twoFactorPendingRoute = baseProcedure
  .input(z.object({}).optional())
  .output(z.boolean())
  .query(({ ctx }) => awaitsSecondFactor(ctx.db, ctx.sessionToken));

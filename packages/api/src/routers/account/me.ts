import { z } from "zod";
import { visitorProcedure } from "../../trpc.ts";

/** The signed-in customer of this store, or null: pages decide whether that means "sign in". */
export const meRoute = visitorProcedure
  .input(z.object({}).optional())
  .output(z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable())
  .query(({ ctx }) => ctx.customer);

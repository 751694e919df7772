import { z } from "zod";

/** A role to give a member: a built-in one, or one of the store's own by id. */
export const memberRoleInput = z.discriminatedUnion("role", [
  z.object({ role: z.enum(["owner", "manager", "staff"]) }),
  z.object({ role: z.literal("custom"), roleId: z.uuid() }),
]);
export type MemberRoleInput = z.infer<typeof memberRoleInput>;

import { z } from "zod";
import { sellerPermission } from "../auth/index.ts";

/** A store role as the editor sends it: a new one has no id. */
export const roleInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(60),
  permissions: z.array(sellerPermission).min(1).max(50),
});
export type RoleInput = z.infer<typeof roleInput>;

import { router } from "../../trpc.ts";
import { currentTenantRoute } from "./current.ts";
import { staffListTenantsRoute } from "./staff-list.ts";

export const tenantsRouter = router({ current: currentTenantRoute, staffList: staffListTenantsRoute });

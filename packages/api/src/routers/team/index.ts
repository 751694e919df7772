import { router } from "../../trpc.ts";
import { changeMemberRoleRoute } from "./change-role.ts";
import { deleteRoleRoute } from "./delete-role.ts";
import { listTeamRoute } from "./list.ts";
import { removeMemberRoute } from "./remove-member.ts";
import { saveRoleRoute } from "./save-role.ts";

export const teamRouter = router({
  list: listTeamRoute,
  changeRole: changeMemberRoleRoute,
  removeMember: removeMemberRoute,
  saveRole: saveRoleRoute,
  deleteRole: deleteRoleRoute,
});

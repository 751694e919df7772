import { router } from "../../trpc.ts";
import { acceptInviteRoute } from "./accept-invite.ts";
import { changeMemberRoleRoute } from "./change-role.ts";
import { deleteRoleRoute } from "./delete-role.ts";
import { invitationRoute } from "./invitation.ts";
import { inviteMemberRoute } from "./invite.ts";
import { listTeamRoute } from "./list.ts";
import { removeMemberRoute } from "./remove-member.ts";
import { revokeInviteRoute } from "./revoke-invite.ts";
import { saveRoleRoute } from "./save-role.ts";

export const teamRouter = router({
  list: listTeamRoute,
  changeRole: changeMemberRoleRoute,
  removeMember: removeMemberRoute,
  saveRole: saveRoleRoute,
  deleteRole: deleteRoleRoute,
  invite: inviteMemberRoute,
  revokeInvite: revokeInviteRoute,
  invitation: invitationRoute,
  acceptInvite: acceptInviteRoute,
});

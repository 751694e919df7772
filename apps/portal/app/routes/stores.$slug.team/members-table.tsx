import { formatDate } from "@primestore/i18n";
import { SubmitButton } from "@primestore/ui";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dayFormat } from "../../lib/format.ts";
import type { Team } from "./route.tsx";
import { roleChoiceValue } from "./role-choice.ts";
import { RoleOptions, useRoleOptions } from "./role-options.tsx";

type Member = Team["members"][number];

/** The store's members; a row the signed-in member may manage gets a role picker and a remove button. */
export function MembersTable({ team }: { team: Team }) {
  const { t, i18n } = useTranslation();
  const roleLabel = (member: Pick<Member, "role" | "roleName">) => member.roleName ?? t(`portal.roles.${member.role}`);
  const anyManageable = team.members.some((member) => member.manageable);
  return (
    <section aria-labelledby="members-title" className="panel">
      <h3 id="members-title">{t("portal.team.membersTitle")}</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("portal.team.name")}</th>
              <th scope="col">{t("portal.team.email")}</th>
              <th scope="col">{t("portal.team.role")}</th>
              <th scope="col">{t("portal.team.joined")}</th>
              {anyManageable ? <th scope="col">{t("portal.team.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  {member.name} {member.you ? <span className="muted">{t("portal.team.you")}</span> : null}
                </th>
                <td>{member.email}</td>
                <td>{member.manageable ? <RolePicker member={member} team={team} /> : roleLabel(member)}</td>
                <td>{formatDate(member.joinedAt, i18n.language, dayFormat)}</td>
                {anyManageable ? <td>{member.manageable ? <RemoveButton member={member} /> : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RolePicker({ member, team }: { member: Member; team: Team }) {
  const { t } = useTranslation();
  const current = roleChoiceValue(member);
  const assignable = useRoleOptions(team);
  // The member's current role stays listed even where the actor couldn't give it.
  const options = assignable.some((option) => option.value === current) ? assignable : [{ value: current, label: member.roleName ?? t(`portal.roles.${member.role}`) }, ...assignable];
  return (
    <Form method="post" className="form-actions">
      <input type="hidden" name="memberId" value={member.id} />
      <input type="hidden" name="memberName" value={member.name} />
      <select name="role" defaultValue={current} aria-label={t("portal.team.roleFor", { name: member.name })}>
        <RoleOptions options={options} />
      </select>
      <SubmitButton name="intent" value="change-role" label={t("portal.team.changeRole")} aria-label={`${t("portal.team.changeRole")}: ${member.name}`} />
    </Form>
  );
}

function RemoveButton({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(t("portal.team.removeConfirm", { name: member.name }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="memberId" value={member.id} />
      <input type="hidden" name="memberName" value={member.name} />
      <SubmitButton name="intent" value="remove" className="button-secondary" label={t("portal.team.remove")} aria-label={`${t("portal.team.remove")}: ${member.name}`} />
    </Form>
  );
}

import { formatDate } from "@primestore/i18n";
import { Field, SubmitButton } from "@primestore/ui";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dayFormat } from "../../lib/format.ts";
import { RoleOptions, useRoleOptions } from "./role-options.tsx";
import { roleChoiceValue } from "./role-choice.ts";
import type { Team } from "./route.tsx";

/** Invite someone by email, and the invitations still open: send again, or withdraw. */
export function InvitesPanel({ team, canInvite }: { team: Team; canInvite: boolean }) {
  const { t, i18n } = useTranslation();
  const options = useRoleOptions(team);
  return (
    <section aria-labelledby="invites-title" className="panel">
      <h3 id="invites-title">{t("portal.team.inviteTitle")}</h3>
      {canInvite ? (
        <Form method="post" className="invite-form">
          <p className="muted">{t("portal.team.inviteHint")}</p>
          <input type="hidden" name="locale" value={i18n.language} />
          <Field label={t("portal.team.inviteEmail")} name="email" type="email" autoComplete="off" required maxLength={254} />
          <div className="field">
            <label htmlFor="invite-role">{t("portal.team.inviteRole")}</label>
            <select id="invite-role" name="role" defaultValue="staff">
              <RoleOptions options={options} />
            </select>
          </div>
          <SubmitButton name="intent" value="invite" label={t("portal.team.sendInvite")} />
        </Form>
      ) : null}
      {team.invites.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t("portal.team.invitesTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portal.team.email")}</th>
                <th scope="col">{t("portal.team.role")}</th>
                <th scope="col">{t("portal.team.expires")}</th>
                {canInvite ? <th scope="col">{t("portal.team.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {team.invites.map((invite) => (
                <tr key={invite.id}>
                  <th scope="row">{invite.email}</th>
                  <td>{invite.roleName ?? t(`portal.roles.${invite.role}`)}</td>
                  <td>{invite.expired ? t("portal.team.expiredLabel") : formatDate(invite.expiresAt, i18n.language, dayFormat)}</td>
                  {canInvite ? <td>{invite.manageable ? <InviteActions invite={invite} /> : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function InviteActions({ invite }: { invite: Team["invites"][number] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="form-actions">
      <Form method="post">
        <input type="hidden" name="email" value={invite.email} />
        <input type="hidden" name="role" value={roleChoiceValue(invite)} />
        <input type="hidden" name="locale" value={i18n.language} />
        <SubmitButton name="intent" value="invite" className="button-secondary" label={t("portal.team.resend")} aria-label={t("portal.team.resendFor", { email: invite.email })} />
      </Form>
      <Form method="post">
        <input type="hidden" name="inviteId" value={invite.id} />
        <input type="hidden" name="email" value={invite.email} />
        <SubmitButton name="intent" value="withdraw-invite" className="button-secondary" label={t("portal.team.withdraw")} aria-label={t("portal.team.withdrawFor", { email: invite.email })} />
      </Form>
    </div>
  );
}

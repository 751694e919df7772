import { sellerPermissions } from "@primestore/api";
import { DEFAULT_LOCALE, isLocale } from "@primestore/i18n";
import type { AppErrorCode } from "@primestore/ui";
import { FormError, RouteError } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useStoreLayout } from "../../lib/store.ts";
import { InvitesPanel } from "./invites-panel.tsx";
import { MembersTable } from "./members-table.tsx";
import { RoleEditor } from "./role-editor.tsx";
import { readRoleChoice } from "./role-choice.ts";
import { readRoleForm, type RoleFormValues } from "./team-form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  // The editor's checkboxes, passed down: the list lives server-side, with the rules it comes from.
  return { team: await api.team.list().catch(throwForPage(request)), permissions: sellerPermissions };
}

export type Team = SerializeFrom<typeof loader>["team"];

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const { api } = await serverApi(request, { store: params.slug });

  if (intent === "change-role" || intent === "remove") return memberAction(request, api, intent, form);
  if (intent === "invite" || intent === "withdraw-invite") return inviteAction(request, api, intent, form);
  invariantResponse(intent === "save-role" || intent === "delete-role", "BAD_REQUEST", 400);
  return roleAction(request, api, intent, form);
}

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

const readLocale = (value: FormDataEntryValue | null) => (isLocale(value) ? value : DEFAULT_LOCALE);

async function memberAction(request: Request, api: Api, intent: "change-role" | "remove", form: FormData) {
  const memberId = String(form.get("memberId") ?? "");
  const name = String(form.get("memberName") ?? "");
  const role = readRoleChoice(form.get("role"));
  invariantResponse(intent === "remove" || role, "BAD_REQUEST", 400);
  try {
    if (intent === "remove") {
      await api.team.removeMember({ memberId });
      return { intent, ok: true as const, name, memberId };
    }
    await api.team.changeRole({ memberId, role: role! });
    return { intent, ok: true as const, name, memberId };
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ intent, ok: false as const, memberId, code: failure.code }, { status: failure.status });
  }
}

async function inviteAction(request: Request, api: Api, intent: "invite" | "withdraw-invite", form: FormData) {
  const email = String(form.get("email") ?? "").trim();
  const role = readRoleChoice(form.get("role"));
  invariantResponse(intent === "withdraw-invite" || role, "BAD_REQUEST", 400);
  try {
    if (intent === "withdraw-invite") await api.team.revokeInvite({ inviteId: String(form.get("inviteId") ?? "") });
    else await api.team.invite({ email, role: role!, locale: readLocale(form.get("locale")) });
    return { intent, ok: true as const, email };
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ intent, ok: false as const, email, code: failure.code }, { status: failure.status });
  }
}

async function roleAction(request: Request, api: Api, intent: "save-role" | "delete-role", form: FormData) {
  const values: RoleFormValues = readRoleForm(form);
  invariantResponse(intent === "save-role" || values.id, "BAD_REQUEST", 400);
  try {
    if (intent === "delete-role") await api.team.deleteRole({ roleId: values.id! });
    else await api.team.saveRole(values);
    return { intent, ok: true as const, name: values.name, roleId: values.id ?? null };
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ intent, ok: false as const, roleId: values.id ?? null, code: failure.code, invalid: failure.invalidFields, values }, { status: failure.status });
  }
}

export type TeamActionResult = SerializeFrom<typeof action>;

/** What one action did, as the sentence shown at the top of the page. */
/** The role a change gave is read from the team the page reloads after it, not asked for again. */
function useOutcome(result: TeamActionResult | undefined, team: Team): { ok: string | null; error: AppErrorCode | null } {
  const { t } = useTranslation();
  if (!result) return { ok: null, error: null };
  if (!result.ok) return { ok: null, error: result.code };
  if (result.intent === "change-role") {
    const changed = team.members.find((member) => member.id === result.memberId);
    return { ok: t("portal.team.roleChanged", { name: result.name, role: changed ? (changed.roleName ?? t(`portal.roles.${changed.role}`)) : "" }), error: null };
  }
  if (result.intent === "remove") return { ok: t("portal.team.removed", { name: result.name }), error: null };
  if ("email" in result) {
    return { ok: t(result.intent === "invite" ? "portal.team.invited" : "portal.team.withdrawn", { email: result.email }), error: null };
  }
  const name = result.name.trim();
  return { ok: t(result.intent === "save-role" ? "portal.team.roleSaved" : "portal.team.roleDeleted", { name }), error: null };
}

export default function TeamPage() {
  const { team, permissions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { can } = useStoreLayout();
  const { t } = useTranslation();
  const outcome = useOutcome(result, team);
  const editorFailure = result && !result.ok && "values" in result ? result : null;

  return (
    <>
      <h2 id="team-title">{t("portal.team.title")}</h2>
      {outcome.ok ? (
        <p role="status" className="success">
          {outcome.ok}
        </p>
      ) : null}
      <FormError message={outcome.error ? t(`errors.${outcome.error}`) : null} />
      {can["team:write"] ? null : <p className="muted">{t("portal.team.readOnly")}</p>}
      <MembersTable team={team} />
      <InvitesPanel team={team} canInvite={can["team:write"]} />
      <section aria-labelledby="roles-title" className="panel">
        <h3 id="roles-title">{t("portal.team.rolesTitle")}</h3>
        <p className="muted">{t("portal.team.rolesHint")}</p>
        {team.roles.length ? null : <p>{t("portal.team.noRoles")}</p>}
        {team.roles.map((role) => (
          <RoleEditor key={role.id} storeRole={role} permissions={permissions} failed={editorFailure?.roleId === role.id ? editorFailure : null} />
        ))}
        {/* Keyed by the roles there are, so the blank form is blank again once one was created. */}
        {can["team:write"] ? <RoleEditor key={`new-${team.roles.length}`} storeRole={null} permissions={permissions} failed={editorFailure && editorFailure.roleId === null ? editorFailure : null} /> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

import type { SellerPermission } from "@primestore/api";
import { Field, SubmitButton } from "@primestore/ui";
import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Team, TeamActionResult } from "./route.tsx";

type Failure = Extract<TeamActionResult, { ok: false; intent: "save-role" | "delete-role" }>;

/**
 * One store role as a form: its name and the permissions it grants, saved or deleted; `storeRole` null
 * is the form for a new one. Without the team permission it reads as a list of what the role allows.
 */
/** Permissions side by side by what they are about (catalog: see, edit), in the order given. */
function byArea(permissions: readonly SellerPermission[]): Array<[string, SellerPermission[]]> {
  const areas = new Map<string, SellerPermission[]>();
  for (const permission of permissions) {
    const area = permission.split(":")[0]!;
    areas.set(area, [...(areas.get(area) ?? []), permission]);
  }
  return [...areas];
}

interface RoleEditorProps {
  storeRole: Team["roles"][number] | null;
  /** Every permission a role can grant, in the order to show them. */
  permissions: readonly SellerPermission[];
  failed: Failure | null;
}

export function RoleEditor({ storeRole: role, permissions, failed }: RoleEditorProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const values = failed?.values ?? { name: role?.name ?? "", permissions: role?.permissions ?? [] };
  const granted = new Set<string>(values.permissions);
  const editable = role === null || role.editable;
  const title = role ? role.name : t("portal.team.newRoleTitle");

  return (
    <Form method="post" className="role-editor" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {title} {role ? <span className="muted">· {t("portal.team.holders", { count: role.members })}</span> : null}
      </h4>
      {role ? <input type="hidden" name="roleId" value={role.id} /> : null}
      <Field
        label={t("portal.team.roleName")}
        name="name"
        defaultValue={values.name}
        required
        maxLength={60}
        readOnly={!editable}
        error={failed?.invalid.includes("name") ? t("errors.VALIDATION") : undefined}
      />
      <fieldset aria-invalid={failed?.invalid.includes("permissions") ? true : undefined}>
        <legend>{t("portal.team.permissionsLegend")}</legend>
        <div className="permission-grid">
          {byArea(permissions).map(([area, inArea]) => (
            <div key={area} className="permission-area">
              {inArea.map((permission) => (
                <label key={permission} className="checkbox">
                  <input type="checkbox" name="permission" value={permission} defaultChecked={granted.has(permission)} disabled={!editable} />
                  {t(`portal.team.permissions.${permission.replace(":", ".")}`)}
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      {editable ? (
        <div className="form-actions">
          <SubmitButton name="intent" value="save-role" label={role ? t("portal.team.saveRole") : t("portal.team.createRole")} />
          {role ? <SubmitButton name="intent" value="delete-role" className="button-secondary" label={t("portal.team.deleteRole")} /> : null}
        </div>
      ) : null}
    </Form>
  );
}

import { useTranslation } from "react-i18next";
import { roleChoiceValue } from "./role-choice.ts";
import type { Team } from "./route.tsx";

export interface RoleOption {
  value: string;
  label: string;
}

/** The roles the signed-in member may give, as picker options: the built-in ones, then the store's own. */
export function useRoleOptions(team: Team): RoleOption[] {
  const { t } = useTranslation();
  return [
    ...team.assignable.builtIn.map((role) => ({ value: role, label: t(`portal.roles.${role}`) })),
    ...team.roles.filter((role) => team.assignable.custom.includes(role.id)).map((role) => ({ value: roleChoiceValue({ role: "custom", roleId: role.id }), label: role.name })),
  ];
}

export function RoleOptions({ options }: { options: readonly RoleOption[] }) {
  return (
    <>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

export type MemberRoleChoice = { role: "owner" | "manager" | "staff" } | { role: "custom"; roleId: string };

/** The role picker's value: a built-in role's name, or `custom:<role id>`. */
export const roleChoiceValue = (choice: { role: string; roleId?: string | null }): string => (choice.role === "custom" ? `custom:${choice.roleId}` : choice.role);

export function readRoleChoice(value: FormDataEntryValue | null): MemberRoleChoice | null {
  if (value === "owner" || value === "manager" || value === "staff") return { role: value };
  const custom = typeof value === "string" ? /^custom:([0-9a-f-]{36})$/.exec(value) : null;
  return custom ? { role: "custom", roleId: custom[1]! } : null;
}

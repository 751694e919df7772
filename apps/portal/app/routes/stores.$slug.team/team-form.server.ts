import { sellerPermissions, type SellerPermission } from "@primestore/api";

export interface RoleFormValues {
  id?: string;
  name: string;
  permissions: SellerPermission[];
}

/** The role editor's fields as typed: the API validates them and says what is wrong. */
export function readRoleForm(form: FormData): RoleFormValues {
  const id = form.get("roleId");
  const granted = new Set(form.getAll("permission"));
  return {
    ...(typeof id === "string" && id ? { id } : {}),
    name: String(form.get("name") ?? ""),
    permissions: sellerPermissions.filter((permission) => granted.has(permission)),
  };
}

import { describe, expect, it } from "vitest";
import { roleGrants, staffRoleGrants } from "./permissions.ts";

describe("role grants", () => {
  it("lets viewers read but not write, and only owners manage the team", () => {
    expect(roleGrants("viewer", "catalog:read")).toBe(true);
    expect(roleGrants("viewer", "catalog:write")).toBe(false);
    expect(roleGrants("admin", "team:write")).toBe(false);
    expect(roleGrants("owner", "team:write")).toBe(true);
  });

  it("keeps support staff read-only", () => {
    expect(staffRoleGrants("support", "tenants:read")).toBe(true);
    expect(staffRoleGrants("support", "tenants:write")).toBe(false);
  });
});

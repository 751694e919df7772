import { describe, expect, it } from "vitest";
import { memberPermissions, sellerPermissions, staffRoleGrants, withImplied } from "./permissions.ts";

describe("member permissions", () => {
  it("gives owners everything and managers everything but the team's membership", () => {
    expect(memberPermissions("owner", null)).toEqual([...sellerPermissions]);
    expect(memberPermissions("manager", null)).toEqual(sellerPermissions.filter((permission) => permission !== "team:write"));
  });

  it("keeps staff to catalog, stock and orders: no refunds, payouts, settings or team", () => {
    expect(memberPermissions("staff", null)).toEqual(["catalog:read", "catalog:write", "inventory:read", "inventory:write", "orders:read", "orders:write"]);
  });

  it("grants a custom role its permissions, with the reads its writes need, and nothing unknown", () => {
    expect(memberPermissions("custom", ["refunds:write", "payouts:write", "made:up"])).toEqual(["orders:read", "refunds:write", "payouts:read", "payouts:write"]);
    expect(memberPermissions("custom", [])).toEqual([]);
    expect(memberPermissions("custom", null)).toEqual([]);
  });

  it("implies reads transitively and lists permissions in one order", () => {
    expect(withImplied(["inventory:write"])).toEqual(["catalog:read", "inventory:read", "inventory:write"]);
    expect(withImplied(["team:write", "catalog:read", "team:write"])).toEqual(["catalog:read", "team:read", "team:write"]);
  });
});

describe("staff role grants", () => {
  it("keeps support staff read-only", () => {
    expect(staffRoleGrants("support", "tenants:read")).toBe(true);
    expect(staffRoleGrants("support", "tenants:write")).toBe(false);
  });
});

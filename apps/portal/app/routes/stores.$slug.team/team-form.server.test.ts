import { describe, expect, it } from "vitest";
import { readRoleForm } from "./team-form.server.ts";

describe("the role editor form", () => {
  it("keeps only known permissions, in their order", () => {
    const form = new FormData();
    form.set("name", " Packers ");
    for (const permission of ["orders:write", "root:all", "catalog:read"]) form.append("permission", permission);
    expect(readRoleForm(form)).toEqual({ name: " Packers ", permissions: ["catalog:read", "orders:write"] });
  });
});

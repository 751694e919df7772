import { describe, expect, it } from "vitest";
import { readRoleChoice, roleChoiceValue } from "./role-choice.ts";

describe("the role picker", () => {
  it("reads back into the role it showed, and nothing else", () => {
    const id = "0190f0f0-0000-7000-8000-000000000001";
    expect(readRoleChoice(roleChoiceValue({ role: "manager" }))).toEqual({ role: "manager" });
    expect(readRoleChoice(roleChoiceValue({ role: "custom", roleId: id }))).toEqual({ role: "custom", roleId: id });
    for (const value of ["custom", "custom:nope", "admin", "", null]) expect(readRoleChoice(value)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { databaseErrorOf } from "./database-error.ts";

describe("databaseErrorOf", () => {
  it("reads the SQLSTATE and DETAIL node-postgres reports", () => {
    expect(databaseErrorOf({ severity: "ERROR", code: "PS409", detail: "variant-1", message: "Not enough stock" })).toEqual({ code: "PS409", detail: "variant-1" });
    expect(databaseErrorOf({ severity: "ERROR", code: "23505" })).toEqual({ code: "23505" });
  });

  it("reads them from the driver adapter's report behind a Prisma raw query error", () => {
    const prisma = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "PS409", code: "PS409", kind: "postgres", detail: "variant-1" } } } };
    expect(databaseErrorOf(prisma)).toEqual({ code: "PS409", detail: "variant-1" });
    const unique = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505", kind: "UniqueConstraintViolation" } } } };
    expect(databaseErrorOf(unique)).toEqual({ code: "23505" });
  });

  it("is null for anything else, Prisma's own codes included", () => {
    for (const other of [null, undefined, "23505", new Error("boom"), { code: "P2002" }, { code: "ECONNREFUSED" }]) expect(databaseErrorOf(other)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { auditFilterOf } from "./audit-filter.server.ts";

describe("the activity filter", () => {
  it("reads whole UTC days and ids, and leaves out what is malformed", () => {
    const actor = "0190f0f0-0000-7000-8000-000000000001";
    expect(auditFilterOf(new URLSearchParams({ entity: "refund", actor, from: "2026-12-01", to: "2026-12-07" }))).toEqual({
      entity: "refund",
      actorId: actor,
      from: new Date("2026-12-01T00:00:00.000Z"),
      to: new Date("2026-12-07T23:59:59.999Z"),
    });
    expect(auditFilterOf(new URLSearchParams({ entity: "", actor: "ana", from: "yesterday", to: "2026-13-45", before: "x" }))).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { testServerUrl } from "../testing/index.ts";
import { checkDrift } from "./index.ts";

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("agree: every schema change has a migration (pnpm db:migrate <name> writes it)", async () => {
    const result = await checkDrift({ databaseUrl: testServerUrl() });
    expect(result.sql).not.toMatch(/CREATE|ALTER|DROP/);
    expect(result.drift).toBe(false);
  });
});

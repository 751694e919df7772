import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "./client.ts";
import { runPrepared } from "./prepared-statement.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let database: TestDatabase;
let oneConnection: Db;
const tenantCount = { name: "test_tenant_count", text: "SELECT count(*)::int AS tenants FROM tenants WHERE slug <> $1" };

beforeAll(async () => {
  database = await createTestDatabase();
  oneConnection = createDbClient(database.adminUrl, { poolSize: 1 });
});
afterAll(async () => {
  await oneConnection?.$disconnect();
  await database?.drop();
});

describe("runPrepared", () => {
  it("prepares the statement once per connection, under its name, on the pool Prisma uses", async () => {
    const first = await runPrepared<{ tenants: number }>(oneConnection, tenantCount, ["none"]);
    const second = await runPrepared<{ tenants: number }>(oneConnection, tenantCount, ["none"]);
    expect(second).toEqual(first);
    // The pool has one connection, so Prisma's next statement runs where the read ran.
    const prepared = await oneConnection.$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_prepared_statements WHERE name = ${tenantCount.name}`;
    expect(prepared).toEqual([{ name: tenantCount.name }]);
  });

  it("inside a transaction, reads on the transaction's connection and sees its uncommitted rows", async () => {
    const [{ tenants: before } = { tenants: -1 }] = await runPrepared<{ tenants: number }>(database.admin, tenantCount, ["none"]);
    // With one connection, a read that went to the pool instead would wait for the transaction.
    const seen = await oneConnection.$transaction(async (tx) => {
      await tx.tenant.create({ data: { slug: "prepared-statement", name: "Prepared read" } });
      return runPrepared<{ tenants: number }>(tx, tenantCount, ["none"]);
    });
    expect(seen).toEqual([{ tenants: before + 1 }]);
    await database.admin.tenant.delete({ where: { slug: "prepared-statement" } });
  });
});

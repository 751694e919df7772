import { createDbClient, withTenant, withUser, type Db } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { seedDemoData } from "./seed/index.ts";

let database: TestDatabase;
let tenantA: string;
let tenantB: string;
let owner: pg.Client;

async function tenantTables(): Promise<string[]> {
  const result = await owner.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'tenantId' ORDER BY table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  const tenants = await database.admin.tenant.findMany({ orderBy: { slug: "asc" } });
  tenantA = tenants.find((t) => t.slug === "aurora")!.id;
  tenantB = tenants.find((t) => t.slug === "summit")!.id;
});

afterAll(async () => {
  await owner?.end();
  await database?.drop();
});

describe("(a) the catalog proves every tenant table is guarded", () => {
  it("has RLS enabled, forced and a policy on every table with a tenantId column", async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThan(40);
    const result = await owner.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname = ANY($1)`,
      [tables],
    );
    const unguarded = result.rows.filter((row) => !row.relrowsecurity || !row.relforcerowsecurity || row.policies === 0);
    expect(unguarded.map((row) => row.relname)).toEqual([]);
    expect(result.rows).toHaveLength(tables.length);
  });

  it("connects the apps as a role that can't bypass RLS and owns nothing", async () => {
    const app = new pg.Client({ connectionString: database.appUrl });
    await app.connect();
    try {
      const role = await app.query(
        `SELECT rolsuper, rolbypassrls, current_user AS name FROM pg_roles WHERE rolname = current_user`,
      );
      expect(role.rows[0]).toMatchObject({ rolsuper: false, rolbypassrls: false, name: "primestore_app" });
      const owned = await app.query(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
      expect(owned.rows[0].n).toBe(0);
      // Without a tenant scope a tenant table shows nothing at all.
      const unscoped = await app.query(`SELECT count(*)::int AS n FROM products`);
      expect(unscoped.rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });
});

describe("(b) tenant B can't read or change tenant A's rows", () => {
  it("sees only its own rows in every tenant table", async () => {
    // tenant_domains is readable by host on purpose (public mapping); writes are tested below.
    const tables = (await tenantTables()).filter((table) => table !== "tenant_domains");
    for (const table of tables) {
      const foreign = await withTenant(database.app, tenantB, (tx) =>
        tx.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${table}" WHERE "tenantId" <> $1::uuid`, tenantB),
      );
      expect(foreign[0]!.n, table).toBe(0);
    }
    const own = await withTenant(database.app, tenantA, (tx) => tx.product.count());
    expect(own).toBeGreaterThan(0);
  });

  it("finds, updates and deletes nothing by tenant A's ids", async () => {
    const productA = await withTenant(database.app, tenantA, (tx) => tx.product.findFirstOrThrow());
    const variantA = await withTenant(database.app, tenantA, (tx) => tx.variant.findFirstOrThrow());
    await withTenant(database.app, tenantB, async (tx) => {
      expect(await tx.product.findUnique({ where: { id: productA.id } })).toBeNull();
      expect((await tx.product.updateMany({ where: { id: productA.id }, data: { title: "hijacked" } })).count).toBe(0);
      expect((await tx.variant.deleteMany({ where: { id: variantA.id } })).count).toBe(0);
      expect((await tx.inventoryLevel.updateMany({ where: { variantId: variantA.id }, data: { onHand: 0 } })).count).toBe(0);
    });
    const after = await database.admin.product.findUniqueOrThrow({ where: { id: productA.id } });
    expect(after.title).toBe(productA.title);
    expect(await database.admin.variant.count({ where: { id: variantA.id } })).toBe(1);
  });

  it("can read tenant A's hosts (public) but not change them", async () => {
    const domainA = await database.admin.tenantDomain.findFirstOrThrow({ where: { tenantId: tenantA } });
    await withTenant(database.app, tenantB, async (tx) => {
      expect(await tx.tenantDomain.findUnique({ where: { host: domainA.host } })).not.toBeNull();
      expect((await tx.tenantDomain.updateMany({ where: { id: domainA.id }, data: { host: "stolen.localhost" } })).count).toBe(0);
      expect((await tx.tenantDomain.deleteMany({ where: { id: domainA.id } })).count).toBe(0);
    });
    expect((await database.admin.tenantDomain.findUniqueOrThrow({ where: { id: domainA.id } })).host).toBe(domainA.host);
  });

  it("can't write a row into tenant A while scoped to B", async () => {
    await expect(
      withTenant(database.app, tenantB, (tx) =>
        tx.product.create({ data: { tenantId: tenantA, slug: "planted", title: "Planted" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await database.admin.product.count({ where: { slug: "planted" } })).toBe(0);
  });

  it("lets a signed-in user read the roles of their own stores only, and write none", async () => {
    const [roleA, roleB] = await Promise.all([
      database.admin.tenantRole.create({ data: { tenantId: tenantA, name: "Isolation A", permissions: ["orders:read"] } }),
      database.admin.tenantRole.create({ data: { tenantId: tenantB, name: "Isolation B", permissions: ["orders:read"] } }),
    ]);
    const memberOfA = await database.admin.membership.findFirstOrThrow({ where: { tenantId: tenantA, NOT: { user: { memberships: { some: { tenantId: tenantB } } } } } });
    await withUser(database.app, memberOfA.userId, async (tx) => {
      expect((await tx.tenantRole.findMany({ where: { name: { startsWith: "Isolation" } } })).map((role) => role.id)).toEqual([roleA.id]);
      expect((await tx.tenantRole.updateMany({ where: { id: roleA.id }, data: { permissions: ["team:write"] } })).count).toBe(0);
    });
    // A custom role names the store's role, and a built-in one doesn't: the database refuses either mix-up.
    await expect(database.admin.membership.update({ where: { id: memberOfA.id }, data: { role: "custom" } })).rejects.toThrow(/custom role/);
    await expect(database.admin.membership.update({ where: { id: memberOfA.id }, data: { roleId: roleA.id } })).rejects.toThrow(/custom role/);
    await database.admin.tenantRole.deleteMany({ where: { id: { in: [roleA.id, roleB.id] } } });
  });

  it("can't point a row of B at a parent of A (composite foreign keys)", async () => {
    const productA = await withTenant(database.app, tenantA, (tx) => tx.product.findFirstOrThrow());
    await expect(
      withTenant(database.app, tenantB, (tx) =>
        tx.variant.create({ data: { tenantId: tenantB, productId: productA.id, sku: "CROSS-1", title: "Cross" } }),
      ),
    ).rejects.toThrow();
    expect(await database.admin.variant.count({ where: { sku: "CROSS-1" } })).toBe(0);
  });
});

describe("(c) a failure inside a tenant transaction", () => {
  it("rolls back everything the transaction wrote", async () => {
    await expect(
      withTenant(database.app, tenantA, async (tx) => {
        await tx.product.create({ data: { tenantId: tenantA, slug: "rolled-back", title: "Rolled back" } });
        await tx.outboxEvent.create({ data: { tenantId: tenantA, type: "test.rolled_back", payload: {} } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await database.admin.product.count({ where: { slug: "rolled-back" } })).toBe(0);
    expect(await database.admin.outboxEvent.count({ where: { type: "test.rolled_back" } })).toBe(0);
  });
});

describe("(d) interleaved requests over a pool of two connections", () => {
  let small: Db;
  beforeAll(() => {
    small = createDbClient(database.appUrl, { poolSize: 2, applicationName: "isolation-stress" });
  });
  afterAll(() => small.$disconnect());

  it("never shows a request the other tenant's rows, scoped or not", async () => {
    const requests = 2_000;
    const concurrency = 16;
    let next = 0;
    const seen: Array<{ scope: string | null; tenants: string[] }> = [];
    const request = async (i: number) => {
      if (i % 10 === 9) {
        // An unscoped query right after scoped ones on the same connections must see nothing.
        return { scope: null, tenants: (await small.product.findMany({ select: { tenantId: true } })).map((p) => p.tenantId) };
      }
      const scope = i % 2 === 0 ? tenantA : tenantB;
      const rows = await withTenant(small, scope, (tx) => tx.product.findMany({ select: { tenantId: true } }));
      return { scope, tenants: rows.map((row) => row.tenantId) };
    };
    // More callers than connections: requests queue for the two connections and interleave on them.
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) seen.push(await request(next++));
      }),
    );
    const leaks = seen.filter(({ scope, tenants }) => tenants.some((tenant) => tenant !== scope));
    expect(leaks).toEqual([]);
    expect(seen.filter((s) => s.scope && s.tenants.length > 0)).toHaveLength(requests - requests / 10);
  });
});

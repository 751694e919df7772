import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../seed/index.ts";
import { createTenantResolver } from "../tenants/index.ts";
import { cacheKinds } from "../testing/cache-kinds.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
});
afterAll(() => database?.drop());

const caches = cacheKinds();

describe.each(caches)("tenant lookups cached in %s", (_kind, makeCache) => {
  it.skipIf(!makeCache)("serves repeats from the cache and sees a change after invalidation", async () => {
    const cache = makeCache!();
    try {
      // Two resolvers on one shared cache stand for two app processes.
      const first = createTenantResolver(database.app, { cache });
      const second = createTenantResolver(database.app, { cache });
      expect((await first.byHost("aurora.localhost"))?.name).toBe("Aurora Moda");
      expect(await first.byHost("ghost.localhost")).toBeNull();

      await database.admin.tenant.update({ where: { slug: "aurora" }, data: { name: "Aurora Atelier" } });
      expect((await second.byHost("aurora.localhost"))?.name).toBe("Aurora Moda");

      await first.invalidate({ slug: "aurora", hosts: ["aurora.localhost"] });
      const fresh = createTenantResolver(database.app, { cache });
      expect((await fresh.byHost("AURORA.localhost:3000"))?.name).toBe("Aurora Atelier");
      expect((await fresh.bySlug("aurora"))?.name).toBe("Aurora Atelier");
    } finally {
      await database.admin.tenant.update({ where: { slug: "aurora" }, data: { name: "Aurora Moda" } });
      await cache.close();
    }
  });
});

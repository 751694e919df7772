import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { afterAll, beforeAll } from "vitest";
import { seedDemoData } from "../seed/index.ts";
import { createTenantResolver, type TenantInfo } from "../tenants/index.ts";

/**
 * A fresh database with the demo data, and its two stores as the domain functions take them,
 * for one test file. Filled in by a beforeAll hook: read it inside hooks and tests.
 */
export function seededDemoStores() {
  const state = {} as { database: TestDatabase; aurora: TenantInfo; summit: TenantInfo };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    await seedDemoData(state.database.ownerUrl);
    const tenants = createTenantResolver(state.database.app);
    state.aurora = (await tenants.bySlug("aurora"))!;
    state.summit = (await tenants.bySlug("summit"))!;
  });
  afterAll(() => state.database?.drop());
  return state;
}

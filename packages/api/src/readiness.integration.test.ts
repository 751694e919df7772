import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";
import { createDbClient } from "@primestore/db";
import { createTestDatabase, type TestDatabase } from "@primestore/db/testing";
import { createQueueHealth, prepareQueueStorage } from "@primestore/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReadiness } from "./readiness.ts";
import { testApiDeps } from "./testing/index.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await prepareQueueStorage(database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
});
afterAll(() => database?.drop());

describe("/readyz", () => {
  it("is ready when the database and the PostgreSQL queue backend answer", async () => {
    const queueHealth = createQueueHealth({ databaseUrl: database.appUrl });
    try {
      expect(await checkReadiness({ ...testApiDeps(database.app, database.admin), queueHealth })).toEqual({
        ok: true,
        checks: { database: "ok", queue: "ok" },
      });
    } finally {
      await queueHealth.close();
    }
  });

  it("names the failing dependency", async () => {
    const unreachable = new URL(database.appUrl);
    unreachable.port = "1";
    const db = createDbClient(unreachable.toString());
    const queueHealth = createQueueHealth({ databaseUrl: database.appUrl, redisUrl: "redis://127.0.0.1:1" });
    try {
      const readiness = await checkReadiness({ ...testApiDeps(db, database.admin), queueHealth }, 500);
      expect(readiness).toEqual({ ok: false, checks: { database: "failing", queue: "failing" } });
    } finally {
      await queueHealth.close();
      await db.$disconnect();
    }
  });
});

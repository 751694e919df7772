import { seededApi } from "@primestore/api/testing";
import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";
import { prepareQueueStorage } from "@primestore/jobs";
import { beforeAll } from "vitest";

/**
 * A fresh database with the demo stores and API dependencies on it, plus the queue tables the
 * worker's Postgres backend needs, for one test file.
 */
export function seededApiWithQueues() {
  const seeded = seededApi();
  // Registered after seededApi's hook, so it runs once the database exists.
  beforeAll(() => prepareQueueStorage(seeded.database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]));
  return seeded;
}

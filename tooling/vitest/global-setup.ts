import { join } from "node:path";
import net from "node:net";
import type { TestProject } from "vitest/node";

const repoRoot = join(import.meta.dirname, "../..");

function answers(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host, timeout: 1_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Finds the servers the integration tests need: the ones named by TEST_DATABASE_URL /
 * TEST_REDIS_URL, else the machine's own on the default ports, else embedded PostgreSQL in
 * .data/test-postgres (so `npm test` works on a machine with only Node). Without Redis the
 * Redis-only tests skip themselves, unless REQUIRE_REDIS=1 (CI) makes that a failure.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!process.env.TEST_DATABASE_URL) {
    if (await answers(5432)) {
      process.env.TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    } else {
      const { startEmbeddedPostgres } = await import("@primestore/db/embedded");
      const embedded = await startEmbeddedPostgres({ dataDir: join(repoRoot, ".data/test") });
      const url = new URL(embedded.url);
      url.pathname = "/postgres";
      process.env.TEST_DATABASE_URL = url.toString();
      stopEmbedded = embedded.stop;
    }
  }
  if (!process.env.TEST_REDIS_URL && (await answers(6379))) process.env.TEST_REDIS_URL = "redis://127.0.0.1:6379";
  if (process.env.REQUIRE_REDIS === "1" && !process.env.TEST_REDIS_URL) {
    throw new Error("REQUIRE_REDIS=1 but no Redis answers: start one or set TEST_REDIS_URL");
  }
  project.provide("testDatabaseUrl", process.env.TEST_DATABASE_URL!);
  project.provide("testRedisUrl", process.env.TEST_REDIS_URL ?? "");
  return async () => {
    await stopEmbedded?.();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    testRedisUrl: string;
  }
}

// One-command platform start: database, roles, migrations, demo data, builds, then the
// storefront, portal and worker, stopped together on Ctrl-C or when any of them dies.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_DB_ROLE, APP_DB_ROLE, parseEnv, type Env } from "@primestore/config";
import { seedDemoData } from "@primestore/core/seed";
import { ensureDatabaseRoles } from "@primestore/db";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@primestore/db/embedded";
import { deployMigrations } from "@primestore/db/migrate";
import { prepareQueueStorage } from "@primestore/jobs";
import { loadDotenv } from "./src/dotenv.ts";
import { describeExit, spawnManaged, type ChildSpec, type ManagedChild } from "./src/managed-child.ts";
import { label, say } from "./src/output.ts";
import { assertPortsFree } from "./src/ports.ts";
import { localSecret } from "./src/local-secret.ts";
import { formatSummary } from "./src/summary.ts";
import { waitForLivez } from "./src/wait-for-livez.ts";

const LIVEZ_TIMEOUT_MS = 60_000;
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

const children: ManagedChild[] = [];
/** A promise, so a shutdown that starts while the server is still booting can wait and stop it. */
let database: Promise<EmbeddedPostgres> | undefined;
let shutdown: Promise<never> | undefined;

/**
 * Idempotent: Ctrl-C arrives twice (from the terminal, and forwarded by bootstrap.mjs), and
 * later signals must join the first shutdown rather than cut it short.
 */
function stopEverything(exitCode: number): Promise<never> {
  shutdown ??= (async () => {
    await Promise.all(children.map((child) => child.stop()));
    const server = await database?.catch(() => undefined);
    await server?.stop();
    return process.exit(exitCode);
  })();
  return shutdown;
}

/**
 * Spawns a child that shutdown will stop. Once shutdown has begun nothing new starts: a child
 * spawned after it collected the children would outlive the launcher.
 */
function launch(spec: ChildSpec, { supervised }: { supervised: boolean }): ManagedChild {
  if (shutdown) throw new Error(`not starting ${spec.name}: shutting down`);
  const child = spawnManaged(spec);
  children.push(child);
  if (supervised) {
    void child.exited.then((exit) => {
      if (shutdown) return;
      say(`${child.name} stopped unexpectedly (${describeExit(exit)}); stopping everything.`);
      void stopEverything(1);
    });
  }
  return child;
}

async function resolveDatabaseUrl(configuredUrl: string | undefined, dataDir: string): Promise<string> {
  if (configuredUrl) {
    say(`PostgreSQL: DATABASE_URL (${new URL(configuredUrl).host})`);
    return configuredUrl;
  }
  database = startEmbeddedPostgres({
    dataDir,
    onLog: (line) => process.stdout.write(`${label("postgres")} ${line}\n`),
  });
  const server = await database;
  void server.exited.then(() => {
    if (shutdown) return;
    say("embedded PostgreSQL stopped unexpectedly; stopping everything.");
    void stopEverything(1);
  });
  say(`PostgreSQL: embedded in ${path.relative(repoRoot, dataDir) || "."}, ${server.url}`);
  return server.url;
}

async function buildApps(): Promise<void> {
  say("building storefront and portal (turbo replays its cache when nothing changed)");
  const build = launch(
    {
      name: "build",
      command: "turbo",
      args: ["run", "build", "--filter=@primestore/storefront", "--filter=@primestore/portal", "--output-logs=new-only"],
      cwd: repoRoot,
      env: process.env,
    },
    { supervised: false },
  );
  const exit = await build.exited;
  if (exit.code !== 0) throw new Error(`build failed (${describeExit(exit)})`);
}

function startApps(env: Env): void {
  for (const [app, port] of [["storefront", env.STOREFRONT_PORT], ["portal", env.PORTAL_PORT]] as const) {
    launch(
      {
        name: app,
        command: process.execPath,
        args: ["--import", "tsx", "server.ts"],
        cwd: path.join(repoRoot, "apps", app),
        // The local platform is a demo: its sandbox payments can be "paid" from the status page.
        env: { ...process.env, NODE_ENV: "production", PAYMENTS_SANDBOX: process.env.PAYMENTS_SANDBOX ?? "on", PORT: String(port) },
      },
      { supervised: true },
    );
  }
  launch(
    {
      name: "worker",
      // `tsx src/main.ts` without the tsx CLI in between: on SIGTERM the CLI SIGKILLs its child
      // unless it acknowledges within ~60 ms, which a busy worker misses, skipping its shutdown.
      command: process.execPath,
      args: ["--import", "tsx", "src/main.ts"],
      cwd: path.join(repoRoot, "apps", "worker"),
      env: process.env,
    },
    { supervised: true },
  );
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void stopEverything(0));
  }
  if (await loadDotenv(path.join(repoRoot, ".env"))) say("loaded .env");
  const initialEnv = parseEnv();
  // Absolute, so children with other working directories share the repo's data directory.
  const dataDir = path.resolve(repoRoot, initialEnv.DATA_DIR);
  process.env.DATA_DIR = dataDir;
  const ownerUrl = await resolveDatabaseUrl(initialEnv.DATABASE_URL, dataDir);
  process.env.DATABASE_URL = ownerUrl;
  process.env.SESSION_SECRET ??= await localSecret(dataDir, "session-secret", "hex");
  process.env.PAYMENTS_ENCRYPTION_KEY ??= await localSecret(dataDir, "payments-encryption-key", "base64");
  const env = parseEnv();
  await assertPortsFree({ STOREFRONT_PORT: env.STOREFRONT_PORT, PORTAL_PORT: env.PORTAL_PORT });

  await ensureDatabaseRoles(ownerUrl, { appPassword: env.APP_DB_PASSWORD, adminPassword: env.ADMIN_DB_PASSWORD });
  const { applied } = await deployMigrations(ownerUrl);
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "migrations: up to date");
  if (!env.REDIS_URL) await prepareQueueStorage(ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
  say(env.REDIS_URL ? `queues: Redis (${new URL(env.REDIS_URL).host})` : "queues: BullMQ on PostgreSQL (no REDIS_URL)");
  const seed = await seedDemoData(ownerUrl, { platformDomain: env.PLATFORM_DOMAIN });
  say(seed.created ? "demo data: created" : "demo data: already present");

  await buildApps();
  startApps(env);
  await Promise.all(
    [env.STOREFRONT_PORT, env.PORTAL_PORT].map((port) => waitForLivez(`http://127.0.0.1:${port}/livez`, LIVEZ_TIMEOUT_MS)),
  );
  process.stdout.write(formatSummary(env, seed));
}

main().catch(async (error: unknown) => {
  // Steps failing because a shutdown pulled the database away are expected, not news.
  if (!shutdown) {
    const debug = process.env.LOG_LEVEL === "debug" && error instanceof Error && error.stack;
    say(`start failed: ${debug || (error instanceof Error ? error.message : String(error))}`);
  }
  await stopEverything(1);
});

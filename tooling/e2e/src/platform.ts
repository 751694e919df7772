import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";
import { seedDemoData } from "@primestore/core/seed";
import { createTestDatabase, TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD, type TestDatabase } from "@primestore/db/testing";
import { prepareQueueStorage } from "@primestore/jobs";
import { type FakeMercadoPago, startFakeMercadoPago } from "@primestore/payments/testing/mercadopago";
import { type FakeStripe, startFakeStripe } from "@primestore/payments/testing/stripe";
import { startFakeViaCep } from "./fake-viacep.ts";

const repoRoot = join(import.meta.dirname, "../../..");

export interface Platform {
  database: TestDatabase;
  /** Variables the apps run with (database roles, data directory...), for more processes. */
  env: NodeJS.ProcessEnv;
  storefrontPort: number;
  /** The storefront server's process, for benchmarks that read its CPU time. */
  storefrontPid: number | undefined;
  portalUrl: string;
  mailDir: string;
  /** The payment providers the platform talks to: local fakes, never the internet. */
  stripe: FakeStripe;
  mercadopago: FakeMercadoPago;
  storeUrl(slug: string, path?: string): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForLive(port: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/livez`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer /livez on ${port}`);
}

/**
 * The built apps and the worker, as `pnpm start` runs them, against a fresh seeded database and
 * the zero-config queue backend (BullMQ on PostgreSQL). Output is kept for failure messages.
 */
export async function startPlatform(): Promise<Platform> {
  const database = await createTestDatabase();
  await seedDemoData(database.ownerUrl);
  await prepareQueueStorage(database.ownerUrl, [APP_DB_ROLE, ADMIN_DB_ROLE]);
  const dataDir = await mkdtemp(join(tmpdir(), "primestore-e2e-"));
  const [storefrontPort, portalPort, viaCep, stripe, mercadopago] = await Promise.all([freePort(), freePort(), startFakeViaCep(), startFakeStripe(), startFakeMercadoPago()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.ownerUrl,
    APP_DB_PASSWORD: TEST_APP_PASSWORD,
    ADMIN_DB_PASSWORD: TEST_ADMIN_PASSWORD,
    DATA_DIR: dataDir,
    COOKIE_SECURE: "false",
    SESSION_SECRET: "e2e-session-secret-that-is-long-enough-123",
    PAYMENTS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    REDIS_URL: "",
    // Never the internet: CEP lookups go to a local fake ViaCEP.
    CEP_LOOKUP_URL: viaCep.baseUrl,
    PAYMENTS_SANDBOX: "on",
    PUBLIC_URL: `http://localhost:${storefrontPort}`,
    PORTAL_PUBLIC_URL: `http://localhost:${portalPort}`,
    STRIPE_SECRET_KEY: "sk_test_e2e",
    STRIPE_WEBHOOK_SECRET: "whsec_e2e",
    STRIPE_API_URL: stripe.url,
    // Shoppers type cards into the fakes' own Stripe.js and MercadoPago.js, as into the real ones.
    STRIPE_PUBLISHABLE_KEY: "pk_test_e2e",
    STRIPE_JS_URL: stripe.jsUrl,
    MERCADOPAGO_JS_URL: mercadopago.jsUrl,
    MERCADOPAGO_ACCESS_TOKEN: "APP_USR-e2e-platform",
    MERCADOPAGO_CLIENT_ID: "fake-client-id",
    MERCADOPAGO_CLIENT_SECRET: "fake-client-secret",
    MERCADOPAGO_WEBHOOK_SECRET: mercadopago.webhookSecret,
    MERCADOPAGO_API_URL: mercadopago.url,
    MERCADOPAGO_AUTH_URL: `${mercadopago.url}/authorization`,
  };
  const logs: string[] = [];
  const run = (name: string, cwd: string, command: string, args: string[], port?: number) => {
    const child = spawn(command, args, { cwd: join(repoRoot, cwd), env: { ...env, ...(port ? { PORT: String(port) } : {}) } });
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => logs.push(`[${name}] ${chunk}`));
    return child;
  };
  const children = [
    run("storefront", "apps/storefront", process.execPath, ["--import", "tsx", "server.ts"], storefrontPort),
    run("portal", "apps/portal", process.execPath, ["--import", "tsx", "server.ts"], portalPort),
    run("worker", "apps/worker", "node_modules/.bin/tsx", ["src/main.ts"]),
  ];
  try {
    await Promise.all([waitForLive(storefrontPort, children[0]!, "storefront"), waitForLive(portalPort, children[1]!, "portal")]);
  } catch (error) {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all([viaCep.close(), stripe.close(), mercadopago.close()]);
    throw new Error(`${(error as Error).message}\n${logs.join("")}`);
  }
  return {
    database,
    env,
    storefrontPort,
    storefrontPid: children[0]!.pid,
    portalUrl: `http://localhost:${portalPort}`,
    mailDir: join(dataDir, "mail"),
    stripe,
    mercadopago,
    storeUrl: (slug, path = "/") => `http://${slug}.localhost:${storefrontPort}${path}`,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
              setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
            }),
        ),
      );
      await Promise.all([database.drop(), viaCep.close(), stripe.close(), mercadopago.close()]);
    },
  };
}

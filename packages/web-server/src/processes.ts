import cluster, { type Worker } from "node:cluster";
import type http from "node:http";

/** How long in-flight requests get to finish on SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;
/** A process that dies sooner than this after starting is failing, not crashing once. */
const STARTUP_FAILURE_MS = 5_000;
const RESTART_DELAY_MS = 1_000;

export interface ListenOptions {
  name: string;
  port: number;
  host?: string;
  /** Server processes; one serves in this process, more run under a primary that restarts them. */
  processes: number;
  start: () => Promise<http.Server>;
}

/**
 * Serves in `processes` processes and resolves once all of them listen. Give one per core the
 * deployment gives the app: Node runs JavaScript on one thread, so on a machine with two cores a
 * single process leaves one idle while requests queue behind the other's renders and garbage
 * collections. The primary only accepts connections and hands
 * them round-robin to its workers; on Kubernetes, keep one process per pod and scale pods.
 */
export async function listen(options: ListenOptions): Promise<void> {
  if (options.processes > 1 && cluster.isPrimary) return superviseWorkers(options);
  const server = await options.start();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  if (cluster.isPrimary) console.log(`[${options.name}] listening on http://${options.host ?? "localhost"}:${options.port}`);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => drain(server));
}

/** Stops taking connections and lets the requests in flight finish, then exits. */
function drain(server: http.Server): void {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, DRAIN_MS).unref();
}

function superviseWorkers({ name, port, processes }: ListenOptions): Promise<void> {
  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on("exit", (worker, code, signal) => {
    const uptime = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit();
      return;
    }
    console.error(`[${name}] server process ${worker.process.pid} exited (${signal ?? code}) after ${uptime} ms`);
    if (uptime < STARTUP_FAILURE_MS) {
      // Restarting a process that cannot start would spin forever: fail so the supervisor sees it.
      console.error(`[${name}] a server process failed to start; stopping`);
      process.exitCode = 1;
      stop();
      return;
    }
    setTimeout(fork, RESTART_DELAY_MS);
  });
  let online = 0;
  const listening = new Promise<void>((resolve) => {
    cluster.on("listening", () => {
      if (++online !== processes) return;
      console.log(`[${name}] listening on http://localhost:${port} (${processes} processes)`);
      resolve();
    });
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (startedAt.size === 0) process.exit();
    for (const worker of startedAt.keys()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill("SIGKILL");
      process.exit();
    }, DRAIN_MS + 2_000).unref();
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, stop);
  for (let i = 0; i < processes; i++) fork();
  return listening;
}

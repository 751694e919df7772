import type { ApiDeps } from "./context.ts";

export interface Readiness {
  ok: boolean;
  checks: Record<"database" | "queue", "ok" | "failing">;
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);

/** For /readyz: can this process serve requests (database) and hand off work (queue backend)? */
export async function checkReadiness(deps: ApiDeps, timeoutMs = 2_000): Promise<Readiness> {
  const [database, queue] = await Promise.allSettled([
    within(deps.db.$queryRaw`SELECT 1`, timeoutMs),
    within(deps.queueHealth?.ping() ?? Promise.resolve(), timeoutMs),
  ]);
  const checks = {
    database: database.status === "fulfilled" ? "ok" : "failing",
    queue: queue.status === "fulfilled" ? "ok" : "failing",
  } as const;
  return { ok: Object.values(checks).every((status) => status === "ok"), checks };
}

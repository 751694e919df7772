import type { ApiDeps } from "@primestore/api";

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe(name: string, check: () => Promise<unknown>): Promise<"ok" | "fail"> {
  try {
    await withTimeout(check(), TIMEOUT_MS);
    return "ok";
  } catch (error) {
    // Logged, never returned: probes are public and must not leak connection details.
    console.error(`[readyz] ${name} check failed`, error);
    return "fail";
  }
}

/** 200 when every dependency answers, 503 otherwise, with one status per check. */
export async function checkReadiness(deps: () => ApiDeps): Promise<Response> {
  const checks = {
    database: await probe("database", async () => deps().db.$queryRaw`SELECT 1`),
  };
  const ready = Object.values(checks).every((status) => status === "ok");
  return Response.json({ status: ready ? "ok" : "fail", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

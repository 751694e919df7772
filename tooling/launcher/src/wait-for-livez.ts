import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 250;

/** Resolves once `url` answers 2xx; the caller watches the process, so this only times out. */
export async function waitForLivez(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
    }
    await sleep(POLL_MS);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastProblem})`);
}

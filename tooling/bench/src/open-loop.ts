// The benchmarks' load generator: every request is prepared ahead (signed, serialized), so the
// generator only writes bytes and reads answers while it measures.
//
// Two modes:
// - open loop (`rate`): request i is due at start + i/rate whatever the server is doing, and its
//   latency is counted from when it was due, not from when it was sent, so a server that falls
//   behind shows its queue in the percentiles (no coordinated omission). This is what "p99 under
//   X at N/s" means. (autocannon's `overallRate`, which the catalog bench used before, is a
//   per-connection quota per second: each second starts with a burst at full concurrency.)
// - closed loop (`concurrency`): that many callers, each sending its next request when the last
//   one is answered, like pgbench's clients: the throughput the server sustains.
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface LoadResult {
  name: string;
  targetRps: number;
  achievedRps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface PreparedRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface OpenLoopSpec {
  name: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  seconds: number;
  /** The i-th request (each is sent once; the caller makes them unique where that matters). */
  request: (i: number) => PreparedRequest;
  /** Whether an answer counts as a success (default: any 2xx). */
  ok?: (status: number, body: string) => boolean;
  /** Open loop: requests per second, evenly spaced. */
  rate?: number;
  /** Closed loop: callers in flight at all times. */
  concurrency?: number;
  /** A request unanswered after this long is an error (default 10 s). */
  timeoutMs?: number;
  /**
   * Open loop: a request due while this many are unanswered is not sent and counts as an error
   * (default 200), so an overloaded server's backlog stays bounded and the run ends on time.
   */
  maxInFlight?: number;
}

export interface RunResult extends LoadResult {
  completed: number;
  /** Open loop: the largest delay between a request being due and the generator sending it. */
  maxSendLagMs: number;
  /** Errors by kind (status and the error's app code, "shed", a network error...). */
  errorKinds: Map<string, number>;
}

/** `409 OUT_OF_STOCK`, `500 INTERNAL_SERVER_ERROR`, `401 bad_signature`: the status and what the body names. */
function errorKind(status: number, body: string): string {
  const named = /"appCode":"(\w+)"/.exec(body) ?? /"outcome":"(\w+)"/.exec(body) ?? /"message":"([^"]{0,80})"/.exec(body);
  return `${status} ${named?.[1] ?? body.slice(0, 80)}`;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return Math.round(value * 100) / 100;
}

export async function run(spec: OpenLoopSpec): Promise<RunResult> {
  if (!spec.rate === !spec.concurrency) throw new Error(`${spec.name}: give either rate or concurrency`);
  const { hostname, port } = new URL(spec.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const times: number[] = [];
  const errorKinds = new Map<string, number>();
  let errors = 0;
  let completed = 0;
  let lastAnswer = 0;
  let maxSendLagMs = 0;
  const timeoutMs = spec.timeoutMs ?? 10_000;
  const maxInFlight = spec.maxInFlight ?? 200;
  const ok = spec.ok ?? ((status: number) => status >= 200 && status < 300);
  const fail = (kind: string) => {
    errors++;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };

  /** Sends one request; resolves when it is answered or has failed, never rejects. */
  const send = (prepared: PreparedRequest, dueAt: number) =>
    new Promise<void>((resolve) => {
      const headers = { ...prepared.headers, ...(prepared.body === undefined ? {} : { "content-length": String(Buffer.byteLength(prepared.body)) }) };
      const request = http.request({ host: hostname, port, method: prepared.method, path: prepared.path, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const now = performance.now();
          completed++;
          lastAnswer = now;
          const body = Buffer.concat(chunks).toString("utf8");
          if (ok(response.statusCode ?? 0, body)) times.push(now - dueAt);
          else fail(errorKind(response.statusCode ?? 0, body));
          resolve();
        });
        response.on("error", (error) => {
          fail(error.message);
          resolve();
        });
      });
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      request.on("error", (error) => {
        fail(error.message);
        resolve();
      });
      request.end(prepared.body);
    });

  const started = performance.now();
  const endsAt = started + spec.seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  const track = (promise: Promise<void>) => {
    inFlight.add(promise);
    void promise.then(() => inFlight.delete(promise));
  };

  if (spec.rate) {
    const rate = spec.rate;
    const total = Math.round(rate * spec.seconds);
    const interval = 1000 / rate;
    await new Promise<void>((resolve) => {
      // A 1 ms tick sends everything due by now; a late tick sends its backlog at once, and the
      // lag is recorded so an overloaded generator can't pass unnoticed.
      const tick = setInterval(() => {
        const now = performance.now();
        while (sent < total && started + sent * interval <= now) {
          const dueAt = started + sent * interval;
          maxSendLagMs = Math.max(maxSendLagMs, now - dueAt);
          if (inFlight.size < maxInFlight) track(send(spec.request(sent), dueAt));
          else fail(`shed: ${maxInFlight} unanswered`);
          sent++;
        }
        if (sent >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 1);
    });
  } else {
    const caller = async () => {
      while (performance.now() < endsAt) {
        const dueAt = performance.now();
        await send(spec.request(sent++), dueAt);
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency! }, caller));
  }
  await Promise.all(inFlight);
  agent.destroy();

  times.sort((a, b) => a - b);
  // Open loop: what the server got through while being offered `rate`; closed loop: its pace.
  const window = Math.max(lastAnswer, endsAt) - started;
  return {
    name: spec.name,
    targetRps: spec.rate ?? Number.NaN,
    achievedRps: Math.round((times.length / window) * 1000),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors,
    completed,
    maxSendLagMs: Math.round(maxSendLagMs * 10) / 10,
    errorKinds,
  };
}

/** One line per run that had errors, with each kind's count. */
export function printErrors(results: RunResult[]): void {
  for (const r of results) {
    if (r.errors) console.log(`${r.name}: ${r.errors} errors: ${[...r.errorKinds].map(([kind, count]) => `${count}x ${kind}`).join("; ")}`);
  }
}

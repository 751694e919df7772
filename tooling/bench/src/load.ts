import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  targetRps: number;
  achievedRps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface LoadSpec {
  name: string;
  url: string;
  host: string;
  /** Fixed arrival rate (requests/s across all connections), as the targets are stated. */
  rate: number;
  seconds: number;
  /** A path per request (e.g. a random product), else `url`'s path every time. */
  path?: () => string;
}

/** Exact percentiles from every response time (autocannon's histogram has no p95). */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return Math.round(value * 100) / 100;
}

export async function measure(spec: LoadSpec): Promise<LoadResult> {
  const times: number[] = [];
  const options: autocannon.Options = {
    url: spec.url,
    connections: Math.min(50, Math.max(10, Math.ceil(spec.rate / 20))),
    overallRate: spec.rate,
    duration: spec.seconds,
    headers: { host: spec.host },
    requests: spec.path ? [{ setupRequest: (request) => ({ ...request, path: spec.path!() }) }] : undefined,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    name: spec.name,
    targetRps: spec.rate,
    achievedRps: Math.round(result.requests.average),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

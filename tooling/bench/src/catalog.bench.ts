// Storefront catalog at marketplace scale: one tenant with BENCH_PRODUCTS (100k) products, each
// endpoint driven at a fixed rate and printed beside a bare tRPC procedure measured in the same
// run. Run: pnpm bench (after `pnpm --filter @primestore/storefront build`).
import { fork } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { freePort, startPlatform } from "@primestore/e2e/platform";
import superjson from "superjson";
import { printErrors, type RunResult, run } from "./open-loop.ts";
import { processCpuMs } from "./process-cpu.ts";
import { scaleCatalog } from "./scale-catalog.ts";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
/** Long enough that a p99 (150 of 15,000 answers at 500/s) isn't decided by one GC cycle falling in or out. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
/**
 * Unmeasured load before each scenario. A freshly started API process and its new database
 * connections answer at half the speed for their first ~8 s at this rate (JIT tiers, per-connection
 * plans and caches); the targets are about a server that is up, so that time is not measured.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
/** Comma-separated parts of scenario names to run (the baseline always runs), e.g. `catalog.get,HTML`. */
const ONLY = (process.env.BENCH_SCENARIOS ?? "").split(",").map((part) => part.trim()).filter(Boolean);
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const trpcPath = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
const randomProduct = () => 1 + Math.floor(Math.random() * PRODUCTS);
const words = ["camiseta", "vestido", "bolsa", "jaqueta", "algodão", "linho", "couro", "azul", "verde", "camizeta", "vestdo"];
const randomWord = () => words[Math.floor(Math.random() * words.length)]!;
const pick = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;
const sorts = ["relevance", "newest", "price_asc", "price_desc"] as const;
const colours = ["Azul", "Verde", "Preta", "Branca", "Vermelha"];
/**
 * A category page as shoppers filter it, with a colour its facets offer (scale-catalog gives
 * product n category n % 10 and colour n % 5): 10 categories x 4 sorts x 3 pages, which the
 * catalog cache holds after the first requests.
 */
const filteredListing = () => {
  const category = Math.floor(Math.random() * 10);
  return {
    currency: "BRL",
    locale: "pt-BR",
    category: `bench-${category}`,
    options: { Cor: [colours[category % 5]!] },
    inStock: true,
    sort: pick(sorts),
    page: 1 + Math.floor(Math.random() * 3),
  };
};
/** Price ranges nobody asked for before: every request misses the catalog cache and reaches PostgreSQL. */
const uncachedListing = () => {
  const priceMin = Math.floor(Math.random() * 80_000);
  return { currency: "BRL", locale: "pt-BR", category: "bench", priceMin, priceMax: priceMin + 5_000, sort: pick(sorts) };
};

const platform = await startPlatform();
const apiPort = await freePort();
const api = fork(join(import.meta.dirname, "api-server.ts"), [], {
  execArgv: ["--import", "tsx"],
  env: { ...platform.env, NODE_ENV: "production", PORT: String(apiPort), DATABASE_POOL_SIZE: "10" },
});
try {
  const started = Date.now();
  await scaleCatalog(platform.database.ownerUrl, "aurora", PRODUCTS);
  console.log(`catalog scaled to ${PRODUCTS} products in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await once(api, "message");

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const htmlUrl = `http://127.0.0.1:${platform.storefrontPort}`;
  const host = "aurora.localhost";
  const listInput = { currency: "BRL", locale: "pt-BR", limit: 24 };

  const scenarios = [
    { name: "bare tRPC procedure (baseline)", url: `${apiUrl}/bare/trpc/ping`, rate: 500 },
    { name: "catalog.list, first page", url: `${apiUrl}${trpcPath("catalog.list", listInput)}`, rate: 500 },
    { name: "catalog.listing, category + filters", url: apiUrl, rate: 500, path: () => trpcPath("catalog.listing", filteredListing()) },
    { name: "catalog.listing, cache misses", url: apiUrl, rate: 100, path: () => trpcPath("catalog.listing", uncachedListing()) },
    {
      name: "catalog.get, random product",
      url: apiUrl,
      rate: 500,
      path: () => trpcPath("catalog.get", { slug: `bench-${randomProduct()}`, currency: "BRL", locale: "pt-BR" }),
    },
    { name: "catalog.search, random term", url: apiUrl, rate: 500, path: () => trpcPath("catalog.search", { q: randomWord(), currency: "BRL", locale: "pt-BR" }) },
    { name: "product page HTML (SSR)", url: htmlUrl, rate: 100, path: () => `/products/bench-${randomProduct()}` },
    { name: "category page HTML (SSR)", url: htmlUrl, rate: 100, path: () => `/categories/bench-${Math.floor(Math.random() * 10)}?sort=${pick(sorts)}` },
  ];

  const selected = scenarios.filter((scenario, i) => i === 0 || !ONLY.length || ONLY.some((part) => scenario.name.includes(part)));
  const results: Array<RunResult & { serverCpuPerRequest: number | null }> = [];
  for (const { url, path, ...scenario } of selected) {
    const origin = new URL(url).origin;
    const fixedPath = new URL(url).pathname + new URL(url).search;
    const request = () => ({ method: "GET" as const, path: path ? path() : fixedPath, headers: { host } });
    await run({ ...scenario, origin, request, seconds: WARMUP_SECONDS });
    // The serving process's own CPU time per answer: steadier than latency on a shared machine.
    // The HTML scenarios are answered by the storefront process, whose API calls run in-process.
    const server = origin === apiUrl ? api.pid : platform.storefrontPid;
    const cpuBefore = processCpuMs(server);
    const result = await run({ ...scenario, origin, request, seconds: SECONDS });
    const cpu = processCpuMs(server) - cpuBefore;
    const serverCpuPerRequest = Number.isFinite(cpu) && result.completed ? Math.round((cpu / result.completed) * 100) / 100 : null;
    results.push({ ...result, serverCpuPerRequest });
  }
  const baseline = results[0]!;
  console.log(`\n${PRODUCTS} products in one tenant, ${SECONDS} s per scenario, fixed arrival rate\n`);
  console.table(
    results.map((r) => ({
      scenario: r.name,
      "target rps": r.targetRps,
      "achieved rps": r.achievedRps,
      "p50 ms": r.p50,
      "p95 ms": r.p95,
      "p99 ms": r.p99,
      "p99 / baseline": Math.round((r.p99 / baseline.p99) * 10) / 10,
      errors: r.errors,
      "server CPU ms/req": r.serverCpuPerRequest,
      // The generator shares the machine: a late send is the generator's delay, not the server's.
      "max send lag ms": r.maxSendLagMs,
    })),
  );
  printErrors(results);
} finally {
  api.kill("SIGTERM");
  await platform.stop();
}

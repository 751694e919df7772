// The API as its own process (like the apps), so the load generator doesn't share its CPU time.
// It answers through the apps' own HTTP server, in WEB_CONCURRENCY processes as they would.
import { createApiDeps, createTrpcHandler, handleWebhook } from "@primestore/api";
import { serverEnv } from "@primestore/config";
import { createWebServer, listen } from "@primestore/web-server";
import { initTRPC } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";

const t = initTRPC.create({ transformer: superjson });
/** The floor: the same adapter and transformer answering a constant, no database. */
const bareRouter = t.router({ ping: t.procedure.query(() => ({ ok: true })) });
/** `POST /webhooks/<provider>`, as the storefront app mounts it. */
const webhookPath = /^\/webhooks\/([^/?]+)/;

function apiHandler() {
  const deps = createApiDeps("bench");
  const storefront = createTrpcHandler(deps, "storefront");
  const bare = (req: Request) => fetchRequestHandler({ endpoint: "/bare/trpc", req, router: bareRouter, createContext: () => ({}) });
  return (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/bare/")) return bare(request);
    const webhook = webhookPath.exec(path);
    if (webhook) return handleWebhook(deps, decodeURIComponent(webhook[1]!), request);
    return storefront(request);
  };
}

const env = serverEnv();
await listen({
  name: "api-server",
  port: env.PORT ?? 0,
  host: "127.0.0.1",
  processes: env.WEB_CONCURRENCY,
  start: async () => createWebServer({ name: "api-server", handler: apiHandler(), maxInFlight: env.WEB_MAX_IN_FLIGHT }),
});
process.send?.("ready");

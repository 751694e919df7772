// The API as its own process (like the apps), so the load generator doesn't share its CPU time.
import http from "node:http";
import { createApiDeps, createTrpcHandler, handleWebhook } from "@primestore/api";
import { initTRPC } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";

const t = initTRPC.create({ transformer: superjson });
/** The floor: the same adapter and transformer answering a constant, no database. */
const bareRouter = t.router({ ping: t.procedure.query(() => ({ ok: true })) });

const deps = createApiDeps("bench");
const storefront = createTrpcHandler(deps, "storefront");
const bare = (req: Request) => fetchRequestHandler({ endpoint: "/bare/trpc", req, router: bareRouter, createContext: () => ({}) });
/** `POST /webhooks/<provider>`, as the storefront app mounts it. */
const webhookPath = /^\/webhooks\/([^/?]+)/;

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  // Mutations and webhooks carry a body; GET and HEAD can't.
  let body: Buffer | undefined;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method, headers, body });
}

function route(request: Request, path: string): Promise<Response> {
  if (path.startsWith("/bare/")) return bare(request);
  const webhook = webhookPath.exec(path);
  if (webhook) return handleWebhook(deps, decodeURIComponent(webhook[1]!), request);
  return storefront(request);
}

const server = http.createServer(async (req, res) => {
  try {
    const response = await route(await toRequest(req), req.url ?? "/");
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(`[api-server] ${req.method} ${req.url}`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("internal error");
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));

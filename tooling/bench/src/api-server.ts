// The API as its own process (like the apps), so the load generator doesn't share its CPU time.
import http from "node:http";
import { createApiDeps, createTrpcHandler } from "@primestore/api";
import { initTRPC } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";

const t = initTRPC.create({ transformer: superjson });
/** The floor: the same adapter and transformer answering a constant, no database. */
const bareRouter = t.router({ ping: t.procedure.query(() => ({ ok: true })) });

const storefront = createTrpcHandler(createApiDeps("bench"), "storefront");
const bare = (req: Request) => fetchRequestHandler({ endpoint: "/bare/trpc", req, router: bareRouter, createContext: () => ({}) });

function toRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method, headers });
}

const server = http.createServer(async (req, res) => {
  const request = toRequest(req);
  const response = await (req.url?.startsWith("/bare/") ? bare(request) : storefront(request));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));

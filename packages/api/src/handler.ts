import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContextFactory, type ApiDeps } from "./context.ts";
import { appRouter } from "./root.ts";

export const TRPC_ENDPOINT = "/api/trpc";

/** The HTTP endpoint the browser's React Query hooks talk to (a Remix resource route calls it). */
export function createTrpcHandler(deps: ApiDeps, kind: "storefront" | "portal") {
  const createContext = createContextFactory(deps, kind);
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: appRouter,
      createContext: ({ req, resHeaders }) => createContext({ req, resHeaders }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}`, error.cause ?? error);
      },
    });
}

/** Server-side calls from Remix loaders and actions, with the request's own context. */
export async function createServerCaller(deps: ApiDeps, kind: "storefront" | "portal", req: Request, resHeaders: Headers) {
  const { createCaller } = await import("./root.ts");
  return createCaller(await createContextFactory(deps, kind)({ req, resHeaders }));
}

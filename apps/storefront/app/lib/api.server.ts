import { createApiDeps, createServerCaller, createTrpcHandler } from "@primestore/api";
import { singleton } from "./singleton.server.ts";

/** Created on first use, so building the app or answering /livez never needs a database. */
export const apiDeps = () => singleton("storefront:api-deps", () => createApiDeps("storefront"));

export const trpcHandler = () => singleton("storefront:trpc-handler", () => createTrpcHandler(apiDeps(), "storefront"));

/** Server-side calls with this request's context; whatever lands in `headers` belongs on the response. */
export async function serverApi(request: Request) {
  const headers = new Headers();
  const api = await createServerCaller(apiDeps(), "storefront", request, headers);
  return { api, headers };
}

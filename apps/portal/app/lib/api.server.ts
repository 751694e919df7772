import { STORE_HEADER, createApiDeps, createServerCaller, createTrpcHandler } from "@primestore/api";
import { singleton } from "./singleton.server.ts";

/** Created on first use, so building the app or answering /livez never needs a database. */
export const apiDeps = () => singleton("portal:api-deps", () => createApiDeps("portal"));

export const trpcHandler = () => singleton("portal:trpc-handler", () => createTrpcHandler(apiDeps(), "portal"));

/** Seller procedures act on the store the request names; the context only reads headers, so no body. */
function actingOn(request: Request, store: string): Request {
  const headers = new Headers(request.headers);
  headers.set(STORE_HEADER, store);
  return new Request(request.url, { headers });
}

/** Server-side calls with this request's context; whatever lands in `headers` belongs on the response. */
export async function serverApi(request: Request, { store }: { store?: string } = {}) {
  const headers = new Headers();
  const api = await createServerCaller(apiDeps(), "portal", store ? actingOn(request, store) : request, headers);
  return { api, headers };
}

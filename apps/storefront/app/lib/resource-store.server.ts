import { apiFailure } from "@primestore/api/remix";
import { serverApi } from "./api.server.ts";

/** Resource routes (sitemap, robots, manifest) answer an unknown or suspended store with a bare status. */
export async function storeForResource(request: Request) {
  const { api } = await serverApi(request);
  const tenant = await api.tenants.current().catch((error: unknown) => {
    const failure = apiFailure(error);
    if (failure?.code === "TENANT_NOT_FOUND" || failure?.code === "TENANT_SUSPENDED") {
      throw new Response("Not found", { status: failure.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  });
  return { api, tenant };
}

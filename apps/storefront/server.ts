// `pnpm start`: the built storefront on PORT (default STOREFRONT_PORT) in WEB_CONCURRENCY processes.
import { env } from "@primestore/config";
import { serveRemixApp } from "@primestore/web-server";

await serveRemixApp({ name: "storefront", appDirectory: import.meta.dirname, defaultPort: env().STOREFRONT_PORT });

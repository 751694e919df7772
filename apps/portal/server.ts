// `pnpm start`: the built seller portal on PORT (default PORTAL_PORT) in WEB_CONCURRENCY processes.
import { env } from "@primestore/config";
import { serveRemixApp } from "@primestore/web-server";

await serveRemixApp({ name: "portal", appDirectory: import.meta.dirname, defaultPort: env().PORTAL_PORT });

import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serverEnv } from "@primestore/config";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { listen } from "./processes.ts";
import { createWebServer } from "./server.ts";
import { StaticFiles } from "./static-files.ts";

export interface RemixAppOptions {
  name: string;
  /** The app's directory: its Vite build is in `build/`. */
  appDirectory: string;
  defaultPort: number;
}

/** Serves a built Remix app (`pnpm start`) on PORT in WEB_CONCURRENCY processes. */
export async function serveRemixApp({ name, appDirectory, defaultPort }: RemixAppOptions): Promise<void> {
  const env = serverEnv();
  await listen({
    name,
    port: env.PORT ?? defaultPort,
    host: env.HOST,
    processes: env.WEB_CONCURRENCY,
    async start() {
      const build = (await import(pathToFileURL(join(appDirectory, "build/server/index.js")).href)) as ServerBuild;
      const staticFiles = await StaticFiles.index(resolve(appDirectory, build.assetsBuildDirectory), `${build.publicPath}assets/`);
      return createWebServer({ name, handler: createRequestHandler(build, env.NODE_ENV), staticFiles, maxInFlight: env.WEB_MAX_IN_FLIGHT });
    },
  });
}

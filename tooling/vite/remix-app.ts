import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type ServerOptions } from "vite";

// Types loaders' data for single fetch; lives here because this file turns the flag on.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** The Vite config of a Prime Store Remix app; `server` is what differs between the apps. */
export function remixAppConfig(server: ServerOptions) {
  return defineConfig({
    plugins: [
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    ],
    // Workspace packages export .ts source: bundle them instead of asking Node to load TypeScript.
    // Their runtime dependencies (Prisma, pg, argon2, ioredis) stay external and are listed in each
    // app's package.json so the built server resolves them from there.
    ssr: { noExternal: [/^@primestore\//] },
    server,
  });
}

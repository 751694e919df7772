import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
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
  // Their runtime dependencies (Prisma, pg, argon2, ioredis) stay external and are listed in this
  // app's package.json so the built server resolves them from here.
  ssr: { noExternal: [/^@primestore\//] },
  server: { port: 3001 },
});

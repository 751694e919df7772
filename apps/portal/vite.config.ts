import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { workspaceDependencies } from "./vite-workspace-deps.ts";

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
    workspaceDependencies(import.meta.dirname),
  ],
  // Workspace packages export .ts source: bundle them instead of asking Node to load TypeScript.
  ssr: { noExternal: [/^@primestore\//] },
  server: { port: 3001 },
});

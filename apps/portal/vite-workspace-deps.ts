import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

const bare = /^(?![./\0])(?!node:)(?!virtual:)[^:]+$/;

function packageName(specifier: string): string {
  const [scope = "", name = ""] = specifier.split("/");
  return scope.startsWith("@") ? `${scope}/${name}` : scope;
}

/**
 * Workspace packages ship TypeScript source, so the server build bundles them (`ssr.noExternal`).
 * Their own dependencies (Prisma, pg, argon2's native binding...) must stay external, but pnpm
 * only links them into the workspace package, not into this app: a bare import in
 * build/server/index.js would not resolve at runtime. Externalising them by resolved (absolute)
 * path keeps them out of the bundle and loadable from the installed workspace: build where you
 * serve (paths are absolute), or declare them as this app's dependencies instead.
 */
export function workspaceDependencies(appRoot: string): Plugin {
  return {
    name: "primestore:workspace-dependencies",
    apply: "build",
    enforce: "pre",
    // Resolve those paths as Node will load them: no bundler-only "module" entries or conditions.
    config: () => ({ ssr: { resolve: { conditions: ["node"], mainFields: [] } } }),
    async resolveId(source, importer, options) {
      if (!options.ssr || !importer || !bare.test(source) || source.startsWith("@primestore/")) return null;
      if (importer.includes("/node_modules/") || importer.startsWith(appRoot)) return null;
      if (existsSync(join(appRoot, "node_modules", packageName(source)))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.includes("/node_modules/")) return resolved;
      return { id: resolved.id, external: true };
    },
  };
}

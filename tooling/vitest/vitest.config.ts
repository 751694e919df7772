import { join } from "node:path";
import { defineConfig } from "vitest/config";

const root = join(import.meta.dirname, "../..");
const sources = ["packages/*/src/**", "apps/*/app/**", "apps/*/src/**", "tooling/*/src/**"];
const ignored = ["**/node_modules/**", "**/build/**", "**/generated/**"];

export default defineConfig({
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: sources.map((dir) => `${dir}/*.test.ts`),
          exclude: [...ignored, "**/*.integration.test.ts", "**/*.e2e.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: sources.map((dir) => `${dir}/*.integration.test.ts`),
          exclude: ignored,
          globalSetup: [join(import.meta.dirname, "global-setup.ts")],
          setupFiles: [join(import.meta.dirname, "setup-env.ts")],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tooling/e2e/src/**/*.e2e.test.ts"],
          exclude: ignored,
          globalSetup: [join(import.meta.dirname, "global-setup.ts")],
          setupFiles: [join(import.meta.dirname, "setup-env.ts")],
          // One platform at a time: three servers and a browser fill this machine's two cores.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
